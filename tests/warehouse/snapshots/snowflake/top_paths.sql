SELECT
  "t2"."step_1",
  "t2"."step_2",
  "t2"."step_3",
  COUNT(*) AS "count"
FROM (
  SELECT
    *
  FROM (
    SELECT
      "t0"."user_id",
      "t0"."ts",
      "t0"."event",
      "t0"."seq",
      "t0"."plan",
      LEAD("t0"."event", 1) OVER (PARTITION BY "t0"."user_id" ORDER BY "t0"."ts" ASC, "t0"."seq" ASC) AS "step_1",
      LEAD("t0"."event", 2) OVER (PARTITION BY "t0"."user_id" ORDER BY "t0"."ts" ASC, "t0"."seq" ASC) AS "step_2",
      LEAD("t0"."event", 3) OVER (PARTITION BY "t0"."user_id" ORDER BY "t0"."ts" ASC, "t0"."seq" ASC) AS "step_3"
    FROM "events" AS "t0"
  ) AS "t1"
  WHERE
    "t1"."event" = 'view'
    AND "t1"."ts" >= TIMESTAMP_FROM_PARTS(2024, 3, 4, 0, 0, 0, 0)
    AND "t1"."ts" < TIMESTAMP_FROM_PARTS(2024, 3, 18, 0, 0, 0, 0)
) AS "t2"
GROUP BY
  1,
  2,
  3
