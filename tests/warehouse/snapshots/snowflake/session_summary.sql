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
  "t14"."period",
  "t14"."sessions",
  "t14"."duration_sum",
  "t13"."users",
  "t23"."duration_low",
  "t23"."duration_high",
  "t24"."events_low",
  "t24"."events_high"
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
) AS "t14"
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
) AS "t13"
  ON "t14"."period" = "t13"."period"
INNER JOIN (
  SELECT
    "t19"."period",
    "t19"."low" AS "duration_low",
    "t19"."high" AS "duration_high"
  FROM (
    SELECT
      "t17"."period",
      MIN("t17"."value") AS "low",
      MAX("t17"."value") AS "high"
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t10"."period",
          "t10"."value",
          "t10"."rows",
          SUM("t10"."rows") OVER (
            PARTITION BY "t10"."period"
            ORDER BY "t10"."value" ASC
            ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
          ) AS "reached",
          SUM("t10"."rows") OVER (
            PARTITION BY "t10"."period"
            ORDER BY NULL ASC
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
          ) AS "n"
        FROM (
          SELECT
            "t7"."period",
            "t7"."value",
            COUNT(*) AS "rows"
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
          GROUP BY
            1,
            2
        ) AS "t10"
      ) AS "t15"
      WHERE
        (
          (
            (
              "t15"."reached" - "t15"."rows"
            ) <= CAST(FLOOR((
              "t15"."n" - 1
            ) / (
              2
            )) AS BIGINT)
          )
          AND (
            CAST(FLOOR((
              "t15"."n" - 1
            ) / (
              2
            )) AS BIGINT) < "t15"."reached"
          )
        )
        OR (
          (
            (
              "t15"."reached" - "t15"."rows"
            ) <= CAST(FLOOR((
              "t15"."n"
            ) / (
              2
            )) AS BIGINT)
          )
          AND (
            CAST(FLOOR((
              "t15"."n"
            ) / (
              2
            )) AS BIGINT) < "t15"."reached"
          )
        )
    ) AS "t17"
    GROUP BY
      1
  ) AS "t19"
) AS "t23"
  ON "t14"."period" = "t23"."period"
INNER JOIN (
  SELECT
    "t20"."period",
    "t20"."low" AS "events_low",
    "t20"."high" AS "events_high"
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
            ORDER BY NULL ASC
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
          ) AS "n"
        FROM (
          SELECT
            "t8"."period",
            "t8"."value",
            COUNT(*) AS "rows"
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
            ) <= CAST(FLOOR((
              "t16"."n" - 1
            ) / (
              2
            )) AS BIGINT)
          )
          AND (
            CAST(FLOOR((
              "t16"."n" - 1
            ) / (
              2
            )) AS BIGINT) < "t16"."reached"
          )
        )
        OR (
          (
            (
              "t16"."reached" - "t16"."rows"
            ) <= CAST(FLOOR((
              "t16"."n"
            ) / (
              2
            )) AS BIGINT)
          )
          AND (
            CAST(FLOOR((
              "t16"."n"
            ) / (
              2
            )) AS BIGINT) < "t16"."reached"
          )
        )
    ) AS "t18"
    GROUP BY
      1
  ) AS "t20"
) AS "t24"
  ON "t14"."period" = "t24"."period"
