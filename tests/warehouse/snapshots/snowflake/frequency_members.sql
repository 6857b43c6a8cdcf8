SELECT
  "t1"."user_id",
  "t1"."ts",
  "t1"."event",
  "t1"."seq",
  "t1"."plan"
FROM "events" AS "t1"
WHERE
  EXISTS(
    SELECT
      1
    FROM (
      SELECT
        "t3"."user_id"
      FROM (
        SELECT
          "t2"."user_id",
          "t2"."period",
          COUNT(*) AS "active_days"
        FROM (
          SELECT DISTINCT
            "t0"."user_id",
            DATEADD(DAY, -(
              (
                DAYOFWEEK("t0"."ts") + 6
              ) % 7
            ), TO_DATE("t0"."ts")) AS "period",
            TO_DATE("t0"."ts") AS "day"
          FROM "events" AS "t0"
          WHERE
            "t0"."ts" >= TIMESTAMP_FROM_PARTS(2024, 3, 4, 0, 0, 0, 0)
            AND "t0"."ts" < TIMESTAMP_FROM_PARTS(2024, 3, 18, 0, 0, 0, 0)
        ) AS "t2"
        GROUP BY
          1,
          2
      ) AS "t3"
      WHERE
        "t3"."active_days" >= 3 AND "t3"."period" = DATE_FROM_PARTS(2024, 3, 11)
    ) AS "t5"
    WHERE
      "t1"."user_id" = "t5"."user_id"
  )
