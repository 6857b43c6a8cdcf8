SELECT DISTINCT
  "t3"."user_id"
FROM (
  SELECT
    "t2"."user_id",
    "t2"."ts" AS "started",
    LEAD("t2"."before", 1, "t2"."last") OVER (PARTITION BY "t2"."user_id" ORDER BY "t2"."ts" ASC) AS "ended",
    "t2"."remaining" - LEAD("t2"."remaining", 1, 0) OVER (PARTITION BY "t2"."user_id" ORDER BY "t2"."ts" ASC) AS "events"
  FROM (
    SELECT
      *
    FROM (
      SELECT
        "t0"."user_id",
        "t0"."ts",
        LAG("t0"."ts") OVER (PARTITION BY "t0"."user_id" ORDER BY "t0"."ts" ASC) AS "before",
        MAX("t0"."ts") OVER (
          PARTITION BY "t0"."user_id"
          ORDER BY "t0"."ts" ASC
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
        ) AS "last",
        COUNT("t0"."ts") OVER (
          PARTITION BY "t0"."user_id"
          ORDER BY "t0"."ts" ASC
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
        ) - (
          ROW_NUMBER() OVER (PARTITION BY "t0"."user_id" ORDER BY "t0"."ts" ASC) - 1
        ) AS "remaining"
      FROM "events" AS "t0"
    ) AS "t1"
    WHERE
      (
        "t1"."before" IS NULL
      )
      OR (
        DATEDIFF(MICROSECOND, "t1"."before", "t1"."ts") > 1800000000
      )
  ) AS "t2"
) AS "t3"
WHERE
  "t3"."started" >= TIMESTAMP_FROM_PARTS(2024, 3, 4, 0, 0, 0, 0)
  AND "t3"."started" < TIMESTAMP_FROM_PARTS(2024, 3, 18, 0, 0, 0, 0)
