SELECT
  "t2"."period",
  "t2"."active_days",
  COUNT(*) AS "users"
FROM (
  SELECT
    "t1"."user_id",
    "t1"."period",
    COUNT(*) AS "active_days"
  FROM (
    SELECT DISTINCT
      "t0"."user_id",
      DATE_TRUNC('MONTH', TO_DATE("t0"."ts")) AS "period",
      TO_DATE("t0"."ts") AS "day"
    FROM "events" AS "t0"
    WHERE
      "t0"."ts" >= TIMESTAMP_FROM_PARTS(2024, 3, 4, 0, 0, 0, 0)
      AND "t0"."ts" < TIMESTAMP_FROM_PARTS(2024, 3, 18, 0, 0, 0, 0)
  ) AS "t1"
  GROUP BY
    1,
    2
) AS "t2"
GROUP BY
  1,
  2
