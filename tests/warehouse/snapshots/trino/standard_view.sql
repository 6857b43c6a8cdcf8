SELECT
  "t0"."distinct_id" AS "user_id",
  CAST("t0"."time" AS TIMESTAMP(6)) AS "ts",
  "t0"."name" AS "event",
  "t0"."plan"
FROM "raw" AS "t0"
WHERE
  "t0"."distinct_id" IS NOT NULL
  AND CAST("t0"."time" AS TIMESTAMP(6)) IS NOT NULL
  AND "t0"."name" IS NOT NULL
  AND TRIM(' 	
' FROM "t0"."distinct_id") <> ''
  AND TRIM(' 	
' FROM "t0"."name") <> ''
