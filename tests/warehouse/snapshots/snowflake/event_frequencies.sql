SELECT
  "t0"."event",
  COUNT(*) AS "rows"
FROM "events" AS "t0"
GROUP BY
  1
