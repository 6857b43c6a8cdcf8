SELECT
  "t1"."period",
  COUNT(*) AS "active_users"
FROM (
  SELECT DISTINCT
    "t0"."user_id",
    DATEADD(DAY, -(
      (
        DAYOFWEEK("t0"."ts") + 6
      ) % 7
    ), TO_DATE("t0"."ts")) AS "period"
  FROM "events" AS "t0"
  WHERE
    "t0"."ts" >= TIMESTAMP_FROM_PARTS(2024, 3, 4, 0, 0, 0, 0)
    AND "t0"."ts" < TIMESTAMP_FROM_PARTS(2024, 3, 18, 0, 0, 0, 0)
) AS "t1"
GROUP BY
  1
