SELECT
  DATE("t1"."ts") AS "day",
  COUNT(*) AS "events"
FROM (
  SELECT
    *
  FROM "events" AS "t0"
  WHERE
    "t0"."event" = 'purchase'
    AND "t0"."ts" >= CAST(FROM_ISO8601_TIMESTAMP('2024-03-04T00:00:00') AS TIMESTAMP(6))
    AND "t0"."ts" < CAST(FROM_ISO8601_TIMESTAMP('2024-03-18T00:00:00') AS TIMESTAMP(6))
) AS "t1"
GROUP BY
  1
