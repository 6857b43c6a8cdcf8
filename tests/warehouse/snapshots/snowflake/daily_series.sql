SELECT
  TO_DATE("t1"."ts") AS "day",
  COUNT(*) AS "events"
FROM (
  SELECT
    *
  FROM "events" AS "t0"
  WHERE
    "t0"."event" = 'purchase'
    AND "t0"."ts" >= TIMESTAMP_FROM_PARTS(2024, 3, 4, 0, 0, 0, 0)
    AND "t0"."ts" < TIMESTAMP_FROM_PARTS(2024, 3, 18, 0, 0, 0, 0)
) AS "t1"
GROUP BY
  1
