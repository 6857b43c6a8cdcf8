WITH "t3" AS (
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
)
SELECT
  "t12"."period",
  "t12"."sessions",
  "t12"."duration_sum",
  "t11"."users",
  "t21"."duration_low",
  "t21"."duration_high",
  "t22"."events_low",
  "t22"."events_high"
FROM (
  SELECT
    "t5"."period",
    COUNT(*) AS "sessions",
    SUM("t5"."duration") AS "duration_sum"
  FROM (
    SELECT
      "t4"."user_id",
      "t4"."started",
      "t4"."ended",
      "t4"."events",
      DATEADD(DAY, -(
        (
          DAYOFWEEK("t4"."started") + 6
        ) % 7
      ), TO_DATE("t4"."started")) AS "period",
      DATEDIFF(MICROSECOND, "t4"."started", "t4"."ended") AS "duration"
    FROM "t3" AS "t4"
    WHERE
      "t4"."started" >= TIMESTAMP_FROM_PARTS(2024, 3, 4, 0, 0, 0, 0)
      AND "t4"."started" < TIMESTAMP_FROM_PARTS(2024, 3, 18, 0, 0, 0, 0)
  ) AS "t5"
  GROUP BY
    1
) AS "t12"
INNER JOIN (
  SELECT
    "t6"."period",
    COUNT(*) AS "users"
  FROM (
    SELECT DISTINCT
      "t4"."user_id",
      DATEADD(DAY, -(
        (
          DAYOFWEEK("t4"."started") + 6
        ) % 7
      ), TO_DATE("t4"."started")) AS "period"
    FROM "t3" AS "t4"
    WHERE
      "t4"."started" >= TIMESTAMP_FROM_PARTS(2024, 3, 4, 0, 0, 0, 0)
      AND "t4"."started" < TIMESTAMP_FROM_PARTS(2024, 3, 18, 0, 0, 0, 0)
  ) AS "t6"
  GROUP BY
    1
) AS "t11"
  ON "t12"."period" = "t11"."period"
INNER JOIN (
  SELECT
    "t17"."period",
    "t17"."low" AS "duration_low",
    "t17"."high" AS "duration_high"
  FROM (
    SELECT
      "t15"."period",
      MIN("t15"."value") AS "low",
      MAX("t15"."value") AS "high"
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t7"."period",
          "t7"."value",
          ROW_NUMBER() OVER (PARTITION BY "t7"."period" ORDER BY "t7"."value" ASC) - 1 AS "rank",
          COUNT("t7"."value") OVER (
            PARTITION BY "t7"."period"
            ORDER BY NULL ASC
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
          ) AS "n"
        FROM (
          SELECT
            DATEADD(DAY, -(
              (
                DAYOFWEEK("t4"."started") + 6
              ) % 7
            ), TO_DATE("t4"."started")) AS "period",
            DATEDIFF(MICROSECOND, "t4"."started", "t4"."ended") AS "value"
          FROM "t3" AS "t4"
          WHERE
            "t4"."started" >= TIMESTAMP_FROM_PARTS(2024, 3, 4, 0, 0, 0, 0)
            AND "t4"."started" < TIMESTAMP_FROM_PARTS(2024, 3, 18, 0, 0, 0, 0)
        ) AS "t7"
      ) AS "t13"
      WHERE
        (
          "t13"."rank" = CAST(FLOOR((
            "t13"."n" - 1
          ) / (
            2
          )) AS BIGINT)
        )
        OR (
          "t13"."rank" = CAST(FLOOR((
            "t13"."n"
          ) / (
            2
          )) AS BIGINT)
        )
    ) AS "t15"
    GROUP BY
      1
  ) AS "t17"
) AS "t21"
  ON "t12"."period" = "t21"."period"
INNER JOIN (
  SELECT
    "t18"."period",
    "t18"."low" AS "events_low",
    "t18"."high" AS "events_high"
  FROM (
    SELECT
      "t16"."period",
      MIN("t16"."value") AS "low",
      MAX("t16"."value") AS "high"
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t8"."period",
          "t8"."value",
          ROW_NUMBER() OVER (PARTITION BY "t8"."period" ORDER BY "t8"."value" ASC) - 1 AS "rank",
          COUNT("t8"."value") OVER (
            PARTITION BY "t8"."period"
            ORDER BY NULL ASC
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
          ) AS "n"
        FROM (
          SELECT
            DATEADD(DAY, -(
              (
                DAYOFWEEK("t4"."started") + 6
              ) % 7
            ), TO_DATE("t4"."started")) AS "period",
            "t4"."events" AS "value"
          FROM "t3" AS "t4"
          WHERE
            "t4"."started" >= TIMESTAMP_FROM_PARTS(2024, 3, 4, 0, 0, 0, 0)
            AND "t4"."started" < TIMESTAMP_FROM_PARTS(2024, 3, 18, 0, 0, 0, 0)
        ) AS "t8"
      ) AS "t14"
      WHERE
        (
          "t14"."rank" = CAST(FLOOR((
            "t14"."n" - 1
          ) / (
            2
          )) AS BIGINT)
        )
        OR (
          "t14"."rank" = CAST(FLOOR((
            "t14"."n"
          ) / (
            2
          )) AS BIGINT)
        )
    ) AS "t16"
    GROUP BY
      1
  ) AS "t18"
) AS "t22"
  ON "t12"."period" = "t22"."period"
