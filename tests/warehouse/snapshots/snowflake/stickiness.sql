SELECT
  "t6"."month",
  "t6"."user_days",
  "t5"."mau"
FROM (
  SELECT
    DATE_TRUNC('MONTH', "t1"."day") AS "month",
    COUNT(*) AS "user_days"
  FROM (
    SELECT DISTINCT
      "t0"."user_id",
      TO_DATE("t0"."ts") AS "day"
    FROM "events" AS "t0"
    WHERE
      "t0"."ts" >= TIMESTAMP_FROM_PARTS(2024, 3, 4, 0, 0, 0, 0)
      AND "t0"."ts" < TIMESTAMP_FROM_PARTS(2024, 3, 18, 0, 0, 0, 0)
  ) AS "t1"
  GROUP BY
    1
) AS "t6"
INNER JOIN (
  SELECT
    "t2"."period" AS "month",
    COUNT(*) AS "mau"
  FROM (
    SELECT DISTINCT
      "t0"."user_id",
      DATE_TRUNC('MONTH', TO_DATE("t0"."ts")) AS "period"
    FROM "events" AS "t0"
    WHERE
      "t0"."ts" >= TIMESTAMP_FROM_PARTS(2024, 3, 4, 0, 0, 0, 0)
      AND "t0"."ts" < TIMESTAMP_FROM_PARTS(2024, 3, 18, 0, 0, 0, 0)
  ) AS "t2"
  GROUP BY
    1
) AS "t5"
  ON "t6"."month" = "t5"."month"
