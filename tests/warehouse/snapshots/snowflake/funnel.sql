WITH "t1" AS (
  SELECT
    "t0"."user_id" AS "uid",
    "t0"."ts" AS "at",
    CASE "t0"."event"
      WHEN 'view'
      THEN 0
      WHEN 'cart'
      THEN 1
      WHEN 'purchase'
      THEN 2
      WHEN 'refund'
      THEN 3
      ELSE NULL
    END AS "kind"
  FROM "events" AS "t0"
  WHERE
    "t0"."event" IN ('view', 'cart', 'purchase', 'refund')
), "t25" AS (
  SELECT
    "t24"."user_id",
    "t24"."reached_1",
    "t24"."reached_2",
    "t24"."reached_3",
    COUNT("t24"."at") AS "hits"
  FROM (
    SELECT
      "t23"."user_id",
      "t23"."reached_1",
      "t23"."reached_2",
      "t23"."reached_3",
      "t3"."uid",
      "t3"."at",
      "t3"."kind"
    FROM (
      SELECT
        "t20"."user_id",
        "t20"."reached_1",
        "t20"."reached_2",
        MIN("t20"."at") AS "reached_3"
      FROM (
        SELECT
          "t19"."user_id",
          "t19"."reached_1",
          "t19"."reached_2",
          "t4"."uid",
          "t4"."at",
          "t4"."kind"
        FROM (
          SELECT
            "t16"."user_id",
            "t16"."reached_1",
            IFF("t16"."hits" > 0, CAST(NULL AS TIMESTAMP(6)), "t16"."reached_2") AS "reached_2"
          FROM (
            SELECT
              "t15"."user_id",
              "t15"."reached_1",
              "t15"."reached_2",
              COUNT("t15"."at") AS "hits"
            FROM (
              SELECT
                "t14"."user_id",
                "t14"."reached_1",
                "t14"."reached_2",
                "t5"."uid",
                "t5"."at",
                "t5"."kind"
              FROM (
                SELECT
                  "t11"."user_id",
                  "t11"."reached_1",
                  MIN("t11"."at") AS "reached_2"
                FROM (
                  SELECT
                    "t10"."user_id",
                    "t10"."reached_1",
                    "t6"."uid",
                    "t6"."at",
                    "t6"."kind"
                  FROM (
                    SELECT
                      "t7"."uid" AS "user_id",
                      MIN("t7"."at") AS "reached_1"
                    FROM (
                      SELECT
                        *
                      FROM "t1" AS "t2"
                      WHERE
                        "t2"."kind" = 0
                        AND "t2"."at" >= TIMESTAMP_FROM_PARTS(2024, 3, 4, 0, 0, 0, 0)
                        AND "t2"."at" < TIMESTAMP_FROM_PARTS(2024, 3, 18, 0, 0, 0, 0)
                    ) AS "t7"
                    GROUP BY
                      1
                  ) AS "t10"
                  LEFT OUTER JOIN "t1" AS "t6"
                    ON "t10"."user_id" = "t6"."uid"
                    AND "t6"."kind" = 1
                    AND DATEDIFF(MICROSECOND, TIMESTAMP_FROM_PARTS(1970, 1, 1, 0, 0, 0, 0), "t6"."at") <= (
                      DATEDIFF(MICROSECOND, TIMESTAMP_FROM_PARTS(1970, 1, 1, 0, 0, 0, 0), "t10"."reached_1") + 86400000000
                    )
                    AND "t6"."at" >= "t10"."reached_1"
                ) AS "t11"
                GROUP BY
                  1,
                  2
              ) AS "t14"
              LEFT OUTER JOIN "t1" AS "t5"
                ON "t14"."user_id" = "t5"."uid"
                AND "t5"."kind" = 3
                AND "t5"."at" > "t14"."reached_1"
                AND "t5"."at" < "t14"."reached_2"
            ) AS "t15"
            GROUP BY
              1,
              2,
              3
          ) AS "t16"
        ) AS "t19"
        LEFT OUTER JOIN "t1" AS "t4"
          ON "t19"."user_id" = "t4"."uid"
          AND "t4"."kind" = 2
          AND DATEDIFF(MICROSECOND, TIMESTAMP_FROM_PARTS(1970, 1, 1, 0, 0, 0, 0), "t4"."at") <= (
            DATEDIFF(MICROSECOND, TIMESTAMP_FROM_PARTS(1970, 1, 1, 0, 0, 0, 0), "t19"."reached_1") + 86400000000
          )
          AND "t4"."at" >= "t19"."reached_2"
      ) AS "t20"
      GROUP BY
        1,
        2,
        3
    ) AS "t23"
    LEFT OUTER JOIN "t1" AS "t3"
      ON "t23"."user_id" = "t3"."uid"
      AND "t3"."kind" = 3
      AND "t3"."at" > "t23"."reached_2"
      AND "t3"."at" < "t23"."reached_3"
  ) AS "t24"
  GROUP BY
    1,
    2,
    3,
    4
), "t32" AS (
  SELECT
    *
  FROM (
    SELECT
      3 AS "step",
      "t30"."reached_3" AS "at",
      DATEDIFF(MICROSECOND, "t30"."reached_2", "t30"."reached_3") AS "previous",
      DATEDIFF(MICROSECOND, "t30"."reached_1", "t30"."reached_3") AS "start"
    FROM (
      SELECT
        "t26"."user_id",
        "t26"."reached_1",
        "t26"."reached_2",
        IFF("t26"."hits" > 0, CAST(NULL AS TIMESTAMP(6)), "t26"."reached_3") AS "reached_3"
      FROM "t25" AS "t26"
    ) AS "t30"
  ) AS "t31"
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      *
    FROM (
      SELECT
        1 AS "step",
        "t26"."reached_1" AS "at",
        CAST(NULL AS BIGINT) AS "previous",
        CAST(NULL AS BIGINT) AS "start"
      FROM "t25" AS "t26"
    ) AS "t27"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        2 AS "step",
        "t26"."reached_2" AS "at",
        DATEDIFF(MICROSECOND, "t26"."reached_1", "t26"."reached_2") AS "previous",
        DATEDIFF(MICROSECOND, "t26"."reached_1", "t26"."reached_2") AS "start"
      FROM "t25" AS "t26"
    ) AS "t28"
  ) AS "t29"
)
SELECT
  *
FROM (
  SELECT
    "t38"."step",
    "t38"."users",
    "t45"."low" AS "previous_low",
    "t45"."high" AS "previous_high",
    "t46"."low" AS "start_low",
    "t46"."high" AS "start_high"
  FROM (
    SELECT
      "t34"."step",
      COUNT(*) AS "users"
    FROM (
      SELECT
        *
      FROM "t32" AS "t33"
      WHERE
        "t33"."at" IS NOT NULL
    ) AS "t34"
    GROUP BY
      1
  ) AS "t38"
  LEFT OUTER JOIN (
    SELECT
      "t41"."step",
      MIN("t41"."value") AS "low",
      MAX("t41"."value") AS "high"
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t35"."step",
          "t35"."value",
          ROW_NUMBER() OVER (PARTITION BY "t35"."step" ORDER BY "t35"."value" ASC) - 1 AS "rank",
          COUNT("t35"."value") OVER (
            PARTITION BY "t35"."step"
            ORDER BY NULL ASC
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
          ) AS "n"
        FROM (
          SELECT
            "t33"."step",
            "t33"."previous" AS "value"
          FROM "t32" AS "t33"
          WHERE
            "t33"."at" IS NOT NULL AND "t33"."previous" IS NOT NULL
        ) AS "t35"
      ) AS "t39"
      WHERE
        (
          "t39"."rank" = CAST(FLOOR((
            "t39"."n" - 1
          ) / (
            2
          )) AS BIGINT)
        )
        OR (
          "t39"."rank" = CAST(FLOOR((
            "t39"."n"
          ) / (
            2
          )) AS BIGINT)
        )
    ) AS "t41"
    GROUP BY
      1
  ) AS "t45"
    ON "t38"."step" = "t45"."step"
  LEFT OUTER JOIN (
    SELECT
      "t42"."step",
      MIN("t42"."value") AS "low",
      MAX("t42"."value") AS "high"
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t36"."step",
          "t36"."value",
          ROW_NUMBER() OVER (PARTITION BY "t36"."step" ORDER BY "t36"."value" ASC) - 1 AS "rank",
          COUNT("t36"."value") OVER (
            PARTITION BY "t36"."step"
            ORDER BY NULL ASC
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
          ) AS "n"
        FROM (
          SELECT
            "t33"."step",
            "t33"."start" AS "value"
          FROM "t32" AS "t33"
          WHERE
            "t33"."at" IS NOT NULL AND "t33"."start" IS NOT NULL
        ) AS "t36"
      ) AS "t40"
      WHERE
        (
          "t40"."rank" = CAST(FLOOR((
            "t40"."n" - 1
          ) / (
            2
          )) AS BIGINT)
        )
        OR (
          "t40"."rank" = CAST(FLOOR((
            "t40"."n"
          ) / (
            2
          )) AS BIGINT)
        )
    ) AS "t42"
    GROUP BY
      1
  ) AS "t46"
    ON "t38"."step" = "t46"."step"
) AS "t47"
