WITH "t15" AS (
  SELECT
    "t12"."user_id",
    "t12"."started",
    "t12"."cohort",
    "t14"."segment"
  FROM (
    SELECT
      "t8"."user_id",
      "t8"."started",
      DATE("t8"."started") - PARSE_DURATION(
        CONCAT(CAST(CAST((
          DOW("t8"."started") + 6
        ) % 7 AS SMALLINT) AS VARCHAR), 'd')
      ) AS "cohort"
    FROM (
      SELECT
        "t2"."user_id",
        MIN("t2"."ts") AS "started"
      FROM (
        SELECT
          *
        FROM "events" AS "t0"
        WHERE
          "t0"."event" = 'signup'
      ) AS "t2"
      GROUP BY
        1
    ) AS "t8"
    WHERE
      "t8"."started" >= CAST(FROM_ISO8601_TIMESTAMP('2024-03-04T00:00:00') AS TIMESTAMP(6))
      AND "t8"."started" < CAST(FROM_ISO8601_TIMESTAMP('2024-03-18T00:00:00') AS TIMESTAMP(6))
  ) AS "t12"
  INNER JOIN (
    SELECT
      "t5"."user_id",
      IF(
        (
          "t10"."value" IS NULL
        )
        OR (
          TRIM(' 	
' FROM "t10"."value") = ''
        ),
        '(missing)',
        "t10"."value"
      ) AS "segment"
    FROM (
      SELECT DISTINCT
        "t0"."user_id"
      FROM "events" AS "t0"
      WHERE
        "t0"."event" = 'signup'
    ) AS "t5"
    LEFT OUTER JOIN (
      SELECT
        "t7"."user_id",
        "t7"."tier" AS "value"
      FROM (
        SELECT
          "t1"."user_id",
          "t1"."seq",
          "t1"."tier",
          ROW_NUMBER() OVER (PARTITION BY "t1"."user_id" ORDER BY "t1"."seq" DESC) - 1 AS "rank"
        FROM "customers" AS "t1"
      ) AS "t7"
      WHERE
        "t7"."rank" = 0
    ) AS "t10"
      ON "t5"."user_id" = "t10"."user_id"
  ) AS "t14"
    ON "t12"."user_id" = "t14"."user_id"
)
SELECT
  "t19"."segment",
  "t19"."cohort",
  "t19"."cohort_size",
  "t24"."period",
  "t24"."users"
FROM (
  SELECT
    "t16"."segment",
    "t16"."cohort",
    COUNT(*) AS "cohort_size"
  FROM "t15" AS "t16"
  GROUP BY
    1,
    2
) AS "t19"
LEFT OUTER JOIN (
  SELECT
    "t22"."segment",
    "t22"."cohort",
    "t22"."period",
    COUNT(*) AS "users"
  FROM (
    SELECT
      "t21"."user_id",
      "t21"."segment",
      "t21"."cohort",
      MAX("t21"."period") AS "period"
    FROM (
      SELECT DISTINCT
        "t20"."user_id",
        "t20"."segment",
        "t20"."cohort",
        DATE("t20"."ts") - PARSE_DURATION(CONCAT(CAST(CAST((
          DOW("t20"."ts") + 6
        ) % 7 AS SMALLINT) AS VARCHAR), 'd')) AS "period"
      FROM (
        SELECT
          "t6"."user_id",
          "t6"."ts",
          "t6"."event",
          "t6"."seq",
          "t6"."plan",
          "t17"."started",
          "t17"."cohort",
          "t17"."segment"
        FROM (
          SELECT
            *
          FROM "events" AS "t0"
          WHERE
            "t0"."event" = 'purchase'
        ) AS "t6"
        INNER JOIN "t15" AS "t17"
          ON "t6"."user_id" = "t17"."user_id"
      ) AS "t20"
      WHERE
        "t20"."ts" >= "t20"."started"
        AND "t20"."ts" < CAST(FROM_ISO8601_TIMESTAMP('2024-03-18T00:00:00') AS TIMESTAMP(6))
    ) AS "t21"
    GROUP BY
      1,
      2,
      3
  ) AS "t22"
  GROUP BY
    1,
    2,
    3
) AS "t24"
  ON "t19"."segment" = "t24"."segment" AND "t19"."cohort" = "t24"."cohort"
