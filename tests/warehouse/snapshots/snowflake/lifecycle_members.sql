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
      SELECT
        "t3"."user_id"
      FROM (
        SELECT
          "t2"."user_id",
          "t2"."period",
          LAG("t2"."period") OVER (PARTITION BY "t2"."user_id" ORDER BY "t2"."period" ASC) AS "previous",
          LEAD("t2"."period") OVER (PARTITION BY "t2"."user_id" ORDER BY "t2"."period" ASC) AS "following"
        FROM (
          SELECT DISTINCT
            "t0"."user_id",
            DATEADD(DAY, -(
              (
                DAYOFWEEK("t0"."ts") + 6
              ) % 7
            ), TO_DATE("t0"."ts")) AS "period"
          FROM "events" AS "t0"
        ) AS "t2"
      ) AS "t3"
      WHERE
        "t3"."period" = DATE_FROM_PARTS(2024, 3, 11)
        AND "t3"."previous" IS NOT NULL
        AND "t3"."previous" <> DATE_FROM_PARTS(2024, 3, 4)
    ) AS "t5"
    WHERE
      "t1"."user_id" = "t5"."user_id"
  )
