SELECT
  *
FROM "events" AS "t0"
WHERE
  "t0"."seq" IN (3, 1026)
