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
            DATE("t0"."ts") - PARSE_DURATION(CONCAT(CAST(CAST((
              DOW("t0"."ts") + 6
            ) % 7 AS SMALLINT) AS VARCHAR), 'd')) AS "period",
            DATE("t0"."ts") AS "day"
          FROM "events" AS "t0"
          WHERE
            "t0"."ts" >= CAST(FROM_ISO8601_TIMESTAMP('2024-03-04T00:00:00') AS TIMESTAMP(6))
            AND "t0"."ts" < CAST(FROM_ISO8601_TIMESTAMP('2024-03-18T00:00:00') AS TIMESTAMP(6))
        ) AS "t2"
        GROUP BY
          1,
          2
      ) AS "t3"
      WHERE
        "t3"."active_days" >= 3 AND "t3"."period" = FROM_ISO8601_DATE('2024-03-11')
    ) AS "t5"
    WHERE
      "t1"."user_id" = "t5"."user_id"
  )
