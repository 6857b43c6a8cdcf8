WITH "t4" AS (
  SELECT
    "t3"."user_id",
    "t3"."ends",
    "t3"."ts" AS "ended",
    IF(
      "t3"."starts",
      "t3"."ts",
      LAG("t3"."ts") OVER (PARTITION BY "t3"."user_id" ORDER BY "t3"."position" ASC)
    ) AS "started",
    (
      "t3"."position" - IF(
        "t3"."starts",
        "t3"."position",
        LAG("t3"."position") OVER (PARTITION BY "t3"."user_id" ORDER BY "t3"."position" ASC)
      )
    ) + 1 AS "events"
  FROM (
    SELECT
      *
    FROM (
      SELECT
        "t1"."user_id",
        "t1"."ts",
        "t1"."position",
        (
          "t1"."before" IS NULL
        )
        OR (
          DATE_DIFF(
            'MICROSECOND',
            DATE_TRUNC('MICROSECOND', "t1"."before"),
            DATE_TRUNC('MICROSECOND', "t1"."ts")
          ) > 1800000000
        ) AS "starts",
        (
          "t1"."after" IS NULL
        )
        OR (
          DATE_DIFF(
            'MICROSECOND',
            DATE_TRUNC('MICROSECOND', "t1"."ts"),
            DATE_TRUNC('MICROSECOND', "t1"."after")
          ) > 1800000000
        ) AS "ends"
      FROM (
        SELECT
          "t0"."user_id",
          "t0"."ts",
          LAG("t0"."ts") OVER (PARTITION BY "t0"."user_id" ORDER BY "t0"."ts" ASC) AS "before",
          LEAD("t0"."ts") OVER (PARTITION BY "t0"."user_id" ORDER BY "t0"."ts" ASC) AS "after",
          ROW_NUMBER() OVER (PARTITION BY "t0"."user_id" ORDER BY "t0"."ts" ASC) - 1 AS "position"
        FROM "events" AS "t0"
      ) AS "t1"
    ) AS "t2"
    WHERE
      "t2"."starts" OR "t2"."ends"
  ) AS "t3"
)
SELECT
  "t15"."period",
  "t15"."sessions",
  "t15"."duration_sum",
  "t14"."users",
  "t24"."duration_low",
  "t24"."duration_high",
  "t25"."events_low",
  "t25"."events_high"
FROM (
  SELECT
    "t6"."period",
    COUNT(*) AS "sessions",
    SUM("t6"."duration") AS "duration_sum"
  FROM (
    SELECT
      "t5"."user_id",
      "t5"."started",
      "t5"."ended",
      "t5"."events",
      DATE("t5"."started") - PARSE_DURATION(
        CONCAT(CAST(CAST((
          DOW("t5"."started") + 6
        ) % 7 AS SMALLINT) AS VARCHAR), 'd')
      ) AS "period",
      DATE_DIFF(
        'MICROSECOND',
        DATE_TRUNC('MICROSECOND', "t5"."started"),
        DATE_TRUNC('MICROSECOND', "t5"."ended")
      ) AS "duration"
    FROM "t4" AS "t5"
    WHERE
      "t5"."ends"
      AND "t5"."started" >= CAST(FROM_ISO8601_TIMESTAMP('2024-03-04T00:00:00') AS TIMESTAMP(6))
      AND "t5"."started" < CAST(FROM_ISO8601_TIMESTAMP('2024-03-18T00:00:00') AS TIMESTAMP(6))
  ) AS "t6"
  GROUP BY
    1
) AS "t15"
INNER JOIN (
  SELECT
    "t7"."period",
    COUNT(*) AS "users"
  FROM (
    SELECT DISTINCT
      "t5"."user_id",
      DATE("t5"."started") - PARSE_DURATION(
        CONCAT(CAST(CAST((
          DOW("t5"."started") + 6
        ) % 7 AS SMALLINT) AS VARCHAR), 'd')
      ) AS "period"
    FROM "t4" AS "t5"
    WHERE
      "t5"."ends"
      AND "t5"."started" >= CAST(FROM_ISO8601_TIMESTAMP('2024-03-04T00:00:00') AS TIMESTAMP(6))
      AND "t5"."started" < CAST(FROM_ISO8601_TIMESTAMP('2024-03-18T00:00:00') AS TIMESTAMP(6))
  ) AS "t7"
  GROUP BY
    1
) AS "t14"
  ON "t15"."period" = "t14"."period"
INNER JOIN (
  SELECT
    "t20"."period",
    "t20"."low" AS "duration_low",
    "t20"."high" AS "duration_high"
  FROM (
    SELECT
      "t18"."period",
      MIN("t18"."value") AS "low",
      MAX("t18"."value") AS "high"
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t11"."period",
          "t11"."value",
          "t11"."rows",
          SUM("t11"."rows") OVER (
            PARTITION BY "t11"."period"
            ORDER BY "t11"."value" ASC
            ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
          ) AS "reached",
          SUM("t11"."rows") OVER (
            PARTITION BY "t11"."period"
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
          ) AS "n"
        FROM (
          SELECT
            "t8"."period",
            "t8"."value",
            COUNT(*) AS "rows"
          FROM (
            SELECT
              DATE("t5"."started") - PARSE_DURATION(
                CONCAT(CAST(CAST((
                  DOW("t5"."started") + 6
                ) % 7 AS SMALLINT) AS VARCHAR), 'd')
              ) AS "period",
              DATE_DIFF(
                'MICROSECOND',
                DATE_TRUNC('MICROSECOND', "t5"."started"),
                DATE_TRUNC('MICROSECOND', "t5"."ended")
              ) AS "value"
            FROM "t4" AS "t5"
            WHERE
              "t5"."ends"
              AND "t5"."started" >= CAST(FROM_ISO8601_TIMESTAMP('2024-03-04T00:00:00') AS TIMESTAMP(6))
              AND "t5"."started" < CAST(FROM_ISO8601_TIMESTAMP('2024-03-18T00:00:00') AS TIMESTAMP(6))
          ) AS "t8"
          GROUP BY
            1,
            2
        ) AS "t11"
      ) AS "t16"
      WHERE
        (
          (
            (
              "t16"."reached" - "t16"."rows"
            ) <= CAST(FLOOR(CAST((
              "t16"."n" - 1
            ) AS DOUBLE) / (
              2
            )) AS BIGINT)
          )
          AND (
            CAST(FLOOR(CAST((
              "t16"."n" - 1
            ) AS DOUBLE) / (
              2
            )) AS BIGINT) < "t16"."reached"
          )
        )
        OR (
          (
            (
              "t16"."reached" - "t16"."rows"
            ) <= CAST(FLOOR(CAST((
              "t16"."n"
            ) AS DOUBLE) / (
              2
            )) AS BIGINT)
          )
          AND (
            CAST(FLOOR(CAST((
              "t16"."n"
            ) AS DOUBLE) / (
              2
            )) AS BIGINT) < "t16"."reached"
          )
        )
    ) AS "t18"
    GROUP BY
      1
  ) AS "t20"
) AS "t24"
  ON "t15"."period" = "t24"."period"
INNER JOIN (
  SELECT
    "t21"."period",
    "t21"."low" AS "events_low",
    "t21"."high" AS "events_high"
  FROM (
    SELECT
      "t19"."period",
      MIN("t19"."value") AS "low",
      MAX("t19"."value") AS "high"
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t12"."period",
          "t12"."value",
          "t12"."rows",
          SUM("t12"."rows") OVER (
            PARTITION BY "t12"."period"
            ORDER BY "t12"."value" ASC
            ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
          ) AS "reached",
          SUM("t12"."rows") OVER (
            PARTITION BY "t12"."period"
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
          ) AS "n"
        FROM (
          SELECT
            "t9"."period",
            "t9"."value",
            COUNT(*) AS "rows"
          FROM (
            SELECT
              DATE("t5"."started") - PARSE_DURATION(
                CONCAT(CAST(CAST((
                  DOW("t5"."started") + 6
                ) % 7 AS SMALLINT) AS VARCHAR), 'd')
              ) AS "period",
              "t5"."events" AS "value"
            FROM "t4" AS "t5"
            WHERE
              "t5"."ends"
              AND "t5"."started" >= CAST(FROM_ISO8601_TIMESTAMP('2024-03-04T00:00:00') AS TIMESTAMP(6))
              AND "t5"."started" < CAST(FROM_ISO8601_TIMESTAMP('2024-03-18T00:00:00') AS TIMESTAMP(6))
          ) AS "t9"
          GROUP BY
            1,
            2
        ) AS "t12"
      ) AS "t17"
      WHERE
        (
          (
            (
              "t17"."reached" - "t17"."rows"
            ) <= CAST(FLOOR(CAST((
              "t17"."n" - 1
            ) AS DOUBLE) / (
              2
            )) AS BIGINT)
          )
          AND (
            CAST(FLOOR(CAST((
              "t17"."n" - 1
            ) AS DOUBLE) / (
              2
            )) AS BIGINT) < "t17"."reached"
          )
        )
        OR (
          (
            (
              "t17"."reached" - "t17"."rows"
            ) <= CAST(FLOOR(CAST((
              "t17"."n"
            ) AS DOUBLE) / (
              2
            )) AS BIGINT)
          )
          AND (
            CAST(FLOOR(CAST((
              "t17"."n"
            ) AS DOUBLE) / (
              2
            )) AS BIGINT) < "t17"."reached"
          )
        )
    ) AS "t19"
    GROUP BY
      1
  ) AS "t21"
) AS "t25"
  ON "t15"."period" = "t25"."period"
