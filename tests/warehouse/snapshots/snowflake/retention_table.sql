WITH "t6" AS (
  SELECT
    "t3"."user_id",
    "t3"."started",
    DATEADD(DAY, -(
      (
        DAYOFWEEK("t3"."started") + 6
      ) % 7
    ), TO_DATE("t3"."started")) AS "cohort"
  FROM (
    SELECT
      "t1"."user_id",
      MIN("t1"."ts") AS "started"
    FROM (
      SELECT
        *
      FROM "events" AS "t0"
      WHERE
        "t0"."event" = 'signup'
    ) AS "t1"
    GROUP BY
      1
  ) AS "t3"
  WHERE
    "t3"."started" >= TIMESTAMP_FROM_PARTS(2024, 3, 4, 0, 0, 0, 0)
    AND "t3"."started" < TIMESTAMP_FROM_PARTS(2024, 3, 18, 0, 0, 0, 0)
)
SELECT
  "t10"."cohort",
  "t10"."cohort_size",
  "t15"."period",
  "t15"."users"
FROM (
  SELECT
    "t7"."cohort",
    COUNT(*) AS "cohort_size"
  FROM "t6" AS "t7"
  GROUP BY
    1
) AS "t10"
LEFT OUTER JOIN (
  SELECT
    "t13"."cohort",
    "t13"."period",
    COUNT(*) AS "users"
  FROM (
    SELECT
      "t12"."user_id",
      "t12"."cohort",
      MAX("t12"."period") AS "period"
    FROM (
      SELECT
        "t11"."user_id",
        "t11"."cohort",
        "t11"."period"
      FROM (
        SELECT
          "t5"."user_id",
          "t5"."period",
          "t5"."latest",
          "t8"."started",
          "t8"."cohort"
        FROM (
          SELECT
            "t2"."user_id",
            DATEADD(DAY, -(
              (
                DAYOFWEEK("t2"."ts") + 6
              ) % 7
            ), TO_DATE("t2"."ts")) AS "period",
            MAX("t2"."ts") AS "latest"
          FROM (
            SELECT
              *
            FROM "events" AS "t0"
            WHERE
              "t0"."event" = 'purchase'
              AND "t0"."ts" < TIMESTAMP_FROM_PARTS(2024, 3, 18, 0, 0, 0, 0)
          ) AS "t2"
          GROUP BY
            1,
            2
        ) AS "t5"
        INNER JOIN "t6" AS "t8"
          ON "t5"."user_id" = "t8"."user_id"
      ) AS "t11"
      WHERE
        "t11"."latest" >= "t11"."started"
    ) AS "t12"
    GROUP BY
      1,
      2
  ) AS "t13"
  GROUP BY
    1,
    2
) AS "t15"
  ON "t10"."cohort" = "t15"."cohort"
