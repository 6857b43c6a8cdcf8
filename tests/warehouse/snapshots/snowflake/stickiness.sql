WITH "t1" AS (
  SELECT DISTINCT
    "t0"."user_id",
    TO_DATE("t0"."ts") AS "day"
  FROM "events" AS "t0"
  WHERE
    "t0"."ts" >= TIMESTAMP_FROM_PARTS(2024, 3, 4, 0, 0, 0, 0)
    AND "t0"."ts" < TIMESTAMP_FROM_PARTS(2024, 3, 18, 0, 0, 0, 0)
)
SELECT
  "t5"."month",
  "t5"."user_days",
  "t7"."mau"
FROM (
  SELECT
    DATE_TRUNC('MONTH', "t2"."day") AS "month",
    COUNT(*) AS "user_days"
  FROM "t1" AS "t2"
  GROUP BY
    1
) AS "t5"
INNER JOIN (
  SELECT
    "t4"."month",
    COUNT(*) AS "mau"
  FROM (
    SELECT DISTINCT
      "t2"."user_id",
      DATE_TRUNC('MONTH', "t2"."day") AS "month"
    FROM "t1" AS "t2"
  ) AS "t4"
  GROUP BY
    1
) AS "t7"
  ON "t5"."month" = "t7"."month"
