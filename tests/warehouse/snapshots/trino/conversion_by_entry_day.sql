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
)
SELECT
  DATE("t26"."reached_1") AS "day",
  COUNT(*) AS "entered",
  COUNT("t26"."reached_3") AS "converted"
FROM (
  SELECT
    "t25"."user_id",
    "t25"."reached_1",
    "t25"."reached_2",
    IF("t25"."hits" > 0, CAST(NULL AS TIMESTAMP(6)), "t25"."reached_3") AS "reached_3"
  FROM (
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
              IF("t16"."hits" > 0, CAST(NULL AS TIMESTAMP(6)), "t16"."reached_2") AS "reached_2"
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
                          AND "t2"."at" >= CAST(FROM_ISO8601_TIMESTAMP('2024-03-04T00:00:00') AS TIMESTAMP(6))
                          AND "t2"."at" < CAST(FROM_ISO8601_TIMESTAMP('2024-03-18T00:00:00') AS TIMESTAMP(6))
                      ) AS "t7"
                      GROUP BY
                        1
                    ) AS "t10"
                    LEFT OUTER JOIN "t1" AS "t6"
                      ON "t10"."user_id" = "t6"."uid"
                      AND "t6"."kind" = 1
                      AND DATE_DIFF(
                        'MICROSECOND',
                        DATE_TRUNC('MICROSECOND', CAST(FROM_ISO8601_TIMESTAMP('1970-01-01T00:00:00') AS TIMESTAMP(6))),
                        DATE_TRUNC('MICROSECOND', "t6"."at")
                      ) <= (
                        DATE_DIFF(
                          'MICROSECOND',
                          DATE_TRUNC('MICROSECOND', CAST(FROM_ISO8601_TIMESTAMP('1970-01-01T00:00:00') AS TIMESTAMP(6))),
                          DATE_TRUNC('MICROSECOND', "t10"."reached_1")
                        ) + 86400000000
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
            AND DATE_DIFF(
              'MICROSECOND',
              DATE_TRUNC('MICROSECOND', CAST(FROM_ISO8601_TIMESTAMP('1970-01-01T00:00:00') AS TIMESTAMP(6))),
              DATE_TRUNC('MICROSECOND', "t4"."at")
            ) <= (
              DATE_DIFF(
                'MICROSECOND',
                DATE_TRUNC('MICROSECOND', CAST(FROM_ISO8601_TIMESTAMP('1970-01-01T00:00:00') AS TIMESTAMP(6))),
                DATE_TRUNC('MICROSECOND', "t19"."reached_1")
              ) + 86400000000
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
  ) AS "t25"
  WHERE
    (
      DATE_DIFF(
        'MICROSECOND',
        DATE_TRUNC('MICROSECOND', CAST(FROM_ISO8601_TIMESTAMP('1970-01-01T00:00:00') AS TIMESTAMP(6))),
        DATE_TRUNC('MICROSECOND', "t25"."reached_1")
      ) + 86400000000
    ) <= 1710676800000000
) AS "t26"
GROUP BY
  1
