WITH "t1" AS (
  SELECT
    "t0"."user_id" AS "uid",
    "t0"."ts" AS "at",
    CASE "t0"."event" WHEN 'view' THEN 0 WHEN 'refund' THEN 1 ELSE NULL END AS "kind"
  FROM "events" AS "t0"
  WHERE
    "t0"."event" IN ('view', 'refund')
), "t6" AS (
  SELECT
    "t5"."uid" AS "user_id",
    MIN("t5"."at") AS "reached_1"
  FROM (
    SELECT
      *
    FROM "t1" AS "t2"
    WHERE
      "t2"."kind" = 0
      AND "t2"."at" >= TIMESTAMP_FROM_PARTS(2024, 3, 4, 0, 0, 0, 0)
      AND "t2"."at" < TIMESTAMP_FROM_PARTS(2024, 3, 18, 0, 0, 0, 0)
  ) AS "t5"
  GROUP BY
    1
), "t21" AS (
  SELECT
    "t20"."user_id",
    "t20"."reached_1",
    "t20"."reached_2",
    COUNT("t20"."at") AS "hits"
  FROM (
    SELECT
      "t19"."user_id",
      "t19"."reached_1",
      "t19"."reached_2",
      "t3"."uid",
      "t3"."at",
      "t3"."kind"
    FROM (
      SELECT
        "t10"."user_id",
        "t10"."reached_1",
        IFF(
          (
            "t16"."at" IS NULL
          ) OR (
            "t10"."reached_1" IS NULL
          ),
          CAST(NULL AS TIMESTAMP(6)),
          GREATEST("t16"."at", "t10"."reached_1")
        ) AS "reached_2"
      FROM "t6" AS "t10"
      LEFT OUTER JOIN (
        SELECT
          "t14"."user_id" AS "uid",
          "t14"."kind",
          "t14"."at",
          "t14"."occurrence"
        FROM (
          SELECT
            *
          FROM (
            SELECT
              "t11"."user_id",
              "t11"."kind",
              "t11"."at",
              ROW_NUMBER() OVER (PARTITION BY "t11"."user_id", "t11"."kind" ORDER BY "t11"."at" ASC) - 1 AS "occurrence"
            FROM (
              SELECT
                "t9"."user_id",
                "t4"."kind",
                "t4"."at"
              FROM "t6" AS "t9"
              INNER JOIN "t1" AS "t4"
                ON "t9"."user_id" = "t4"."uid"
                AND "t4"."kind" IN (0)
                AND "t4"."at" >= "t9"."reached_1"
            ) AS "t11"
          ) AS "t12"
          WHERE
            "t12"."occurrence" < 2
        ) AS "t14"
      ) AS "t16"
        ON "t10"."user_id" = "t16"."uid"
        AND "t16"."kind" = 0
        AND DATEDIFF(MICROSECOND, TIMESTAMP_FROM_PARTS(1970, 1, 1, 0, 0, 0, 0), "t16"."at") <= (
          DATEDIFF(MICROSECOND, TIMESTAMP_FROM_PARTS(1970, 1, 1, 0, 0, 0, 0), "t10"."reached_1") + 86400000000
        )
        AND "t16"."occurrence" = 1
    ) AS "t19"
    LEFT OUTER JOIN "t1" AS "t3"
      ON "t19"."user_id" = "t3"."uid"
      AND "t3"."kind" = 1
      AND "t3"."at" > "t19"."reached_1"
      AND "t3"."at" < "t19"."reached_2"
  ) AS "t20"
  GROUP BY
    1,
    2,
    3
), "t26" AS (
  SELECT
    *
  FROM (
    SELECT
      1 AS "step",
      "t22"."reached_1" AS "at",
      CAST(NULL AS BIGINT) AS "previous",
      CAST(NULL AS BIGINT) AS "start"
    FROM "t21" AS "t22"
  ) AS "t23"
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      2 AS "step",
      "t24"."reached_2" AS "at",
      DATEDIFF(MICROSECOND, "t24"."reached_1", "t24"."reached_2") AS "previous",
      DATEDIFF(MICROSECOND, "t24"."reached_1", "t24"."reached_2") AS "start"
    FROM (
      SELECT
        "t22"."user_id",
        "t22"."reached_1",
        IFF("t22"."hits" > 0, CAST(NULL AS TIMESTAMP(6)), "t22"."reached_2") AS "reached_2"
      FROM "t21" AS "t22"
    ) AS "t24"
  ) AS "t25"
)
SELECT
  *
FROM (
  SELECT
    "t32"."step",
    "t32"."users",
    "t39"."low" AS "previous_low",
    "t39"."high" AS "previous_high",
    "t40"."low" AS "start_low",
    "t40"."high" AS "start_high"
  FROM (
    SELECT
      "t28"."step",
      COUNT(*) AS "users"
    FROM (
      SELECT
        *
      FROM "t26" AS "t27"
      WHERE
        "t27"."at" IS NOT NULL
    ) AS "t28"
    GROUP BY
      1
  ) AS "t32"
  LEFT OUTER JOIN (
    SELECT
      "t35"."step",
      MIN("t35"."value") AS "low",
      MAX("t35"."value") AS "high"
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t29"."step",
          "t29"."value",
          ROW_NUMBER() OVER (PARTITION BY "t29"."step" ORDER BY "t29"."value" ASC) - 1 AS "rank",
          COUNT("t29"."value") OVER (
            PARTITION BY "t29"."step"
            ORDER BY NULL ASC
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
          ) AS "n"
        FROM (
          SELECT
            "t27"."step",
            "t27"."previous" AS "value"
          FROM "t26" AS "t27"
          WHERE
            "t27"."at" IS NOT NULL AND "t27"."previous" IS NOT NULL
        ) AS "t29"
      ) AS "t33"
      WHERE
        (
          "t33"."rank" = CAST(FLOOR((
            "t33"."n" - 1
          ) / (
            2
          )) AS BIGINT)
        )
        OR (
          "t33"."rank" = CAST(FLOOR((
            "t33"."n"
          ) / (
            2
          )) AS BIGINT)
        )
    ) AS "t35"
    GROUP BY
      1
  ) AS "t39"
    ON "t32"."step" = "t39"."step"
  LEFT OUTER JOIN (
    SELECT
      "t36"."step",
      MIN("t36"."value") AS "low",
      MAX("t36"."value") AS "high"
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t30"."step",
          "t30"."value",
          ROW_NUMBER() OVER (PARTITION BY "t30"."step" ORDER BY "t30"."value" ASC) - 1 AS "rank",
          COUNT("t30"."value") OVER (
            PARTITION BY "t30"."step"
            ORDER BY NULL ASC
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
          ) AS "n"
        FROM (
          SELECT
            "t27"."step",
            "t27"."start" AS "value"
          FROM "t26" AS "t27"
          WHERE
            "t27"."at" IS NOT NULL AND "t27"."start" IS NOT NULL
        ) AS "t30"
      ) AS "t34"
      WHERE
        (
          "t34"."rank" = CAST(FLOOR((
            "t34"."n" - 1
          ) / (
            2
          )) AS BIGINT)
        )
        OR (
          "t34"."rank" = CAST(FLOOR((
            "t34"."n"
          ) / (
            2
          )) AS BIGINT)
        )
    ) AS "t36"
    GROUP BY
      1
  ) AS "t40"
    ON "t32"."step" = "t40"."step"
) AS "t41"
