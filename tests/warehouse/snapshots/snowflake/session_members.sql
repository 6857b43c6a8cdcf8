SELECT
  "t1"."user_id",
  "t1"."ts",
  "t1"."event",
  "t1"."seq",
  "t1"."plan"
FROM "events" AS "t1"
WHERE
  EXISTS(
    SELECT
      1
    FROM (
      SELECT DISTINCT
        "t4"."user_id"
      FROM (
        SELECT
          "t3"."user_id",
          "t3"."ts" AS "started",
          LEAD("t3"."before", 1, "t3"."last") OVER (PARTITION BY "t3"."user_id" ORDER BY "t3"."ts" ASC) AS "ended",
          "t3"."remaining" - LEAD("t3"."remaining", 1, 0) OVER (PARTITION BY "t3"."user_id" ORDER BY "t3"."ts" ASC) AS "events"
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
          ) AS "t2"
          WHERE
            (
              "t2"."before" IS NULL
            )
            OR (
              DATEDIFF(MICROSECOND, "t2"."before", "t2"."ts") > 1800000000
            )
        ) AS "t3"
      ) AS "t4"
      WHERE
        "t4"."started" >= TIMESTAMP_FROM_PARTS(2024, 3, 4, 0, 0, 0, 0)
        AND "t4"."started" < TIMESTAMP_FROM_PARTS(2024, 3, 18, 0, 0, 0, 0)
    ) AS "t6"
    WHERE
      "t1"."user_id" = "t6"."user_id"
  )
