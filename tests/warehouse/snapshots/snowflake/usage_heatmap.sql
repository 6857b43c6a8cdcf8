SELECT
  "t1"."weekday",
  "t1"."hour",
  COUNT(*) AS "value"
FROM (
  SELECT DISTINCT
    "t0"."user_id",
    (
      DAYOFWEEK("t0"."ts") + 6
    ) % 7 AS "weekday",
    DATE_PART(hour, "t0"."ts") AS "hour"
  FROM "events" AS "t0"
  WHERE
    "t0"."ts" >= TIMESTAMP_FROM_PARTS(2024, 3, 4, 0, 0, 0, 0)
    AND "t0"."ts" < TIMESTAMP_FROM_PARTS(2024, 3, 18, 0, 0, 0, 0)
) AS "t1"
GROUP BY
  1,
  2
