SELECT
  "t1"."period",
  COUNT(*) AS "active_users"
FROM (
  SELECT DISTINCT
    "t0"."user_id",
    DATE("t0"."ts") - PARSE_DURATION(CONCAT(CAST(CAST((
      DOW("t0"."ts") + 6
    ) % 7 AS SMALLINT) AS VARCHAR), 'd')) AS "period"
  FROM "events" AS "t0"
  WHERE
    "t0"."ts" >= CAST(FROM_ISO8601_TIMESTAMP('2024-03-04T00:00:00') AS TIMESTAMP(6))
    AND "t0"."ts" < CAST(FROM_ISO8601_TIMESTAMP('2024-03-18T00:00:00') AS TIMESTAMP(6))
) AS "t1"
GROUP BY
  1
