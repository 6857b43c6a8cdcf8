WITH "t1" AS (
  SELECT
    "t0"."user_id",
    "t0"."ts",
    "t0"."event",
    LEAD("t0"."ts") OVER (PARTITION BY "t0"."user_id" ORDER BY "t0"."ts" ASC, "t0"."seq" ASC) AS "following",
    COUNT("t0"."ts") OVER (
      PARTITION BY "t0"."user_id"
      ORDER BY "t0"."ts" ASC, "t0"."seq" ASC
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) - (
      ROW_NUMBER() OVER (PARTITION BY "t0"."user_id" ORDER BY "t0"."ts" ASC, "t0"."seq" ASC) - 1
    ) AS "remaining"
  FROM "events" AS "t0"
), "t6" AS (
  SELECT
    "t2"."user_id",
    "t2"."ts",
    "t2"."event",
    "t2"."following",
    "t2"."remaining",
    IF(
      (
        "t2"."remaining" = 1
      )
      OR (
        DATE_DIFF(
          'MICROSECOND',
          DATE_TRUNC('MICROSECOND', "t2"."ts"),
          DATE_TRUNC('MICROSECOND', "t2"."following")
        ) > 1800000000
      ),
      CAST(NULL AS BIGINT),
      DATE_DIFF(
        'MICROSECOND',
        DATE_TRUNC('MICROSECOND', "t2"."ts"),
        DATE_TRUNC('MICROSECOND', "t2"."following")
      )
    ) AS "waited",
    IF(
      (
        "t2"."remaining" = 1
      )
      OR (
        DATE_DIFF(
          'MICROSECOND',
          DATE_TRUNC('MICROSECOND', "t2"."ts"),
          DATE_TRUNC('MICROSECOND', "t2"."following")
        ) > 1800000000
      ),
      1,
      0
    ) AS "ended"
  FROM "t1" AS "t2"
  WHERE
    "t2"."ts" >= CAST(FROM_ISO8601_TIMESTAMP('2024-03-04T00:00:00') AS TIMESTAMP(6))
    AND "t2"."ts" < CAST(FROM_ISO8601_TIMESTAMP('2024-03-18T00:00:00') AS TIMESTAMP(6))
    AND "t2"."event" IN ('view', 'cart')
)
SELECT
  *
FROM (
  SELECT
    *
  FROM (
    SELECT
      "t12"."event",
      'bucket' AS "kind",
      "t12"."bucket" AS "position",
      "t12"."occurrences" AS "value"
    FROM (
      SELECT
        "t10"."event",
        "t10"."bucket",
        COUNT(*) AS "occurrences"
      FROM (
        SELECT
          "t7"."user_id",
          "t7"."ts",
          "t7"."event",
          "t7"."following",
          "t7"."remaining",
          "t7"."waited",
          "t7"."ended",
          CAST(CASE
            WHEN "t7"."waited" < 10000000
            THEN 0
            WHEN "t7"."waited" < 30000000
            THEN 1
            WHEN "t7"."waited" < 60000000
            THEN 2
            WHEN "t7"."waited" < 180000000
            THEN 3
            WHEN "t7"."waited" < 600000000
            THEN 4
            WHEN "t7"."waited" < 1800000000
            THEN 5
            ELSE 6
          END AS BIGINT) AS "bucket"
        FROM "t6" AS "t7"
        WHERE
          "t7"."waited" IS NOT NULL
      ) AS "t10"
      GROUP BY
        1,
        2
    ) AS "t12"
  ) AS "t14"
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      "t13"."event",
      'rank' AS "kind",
      "t13"."index" + 1 AS "position",
      "t13"."waited" AS "value"
    FROM (
      SELECT
        "t8"."user_id",
        "t8"."ts",
        "t8"."event",
        "t8"."following",
        "t8"."remaining",
        "t8"."waited",
        "t8"."ended",
        ROW_NUMBER() OVER (PARTITION BY "t8"."event" ORDER BY "t8"."waited" ASC) - 1 AS "index",
        COUNT("t8"."waited") OVER (
          PARTITION BY "t8"."event"
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
        ) AS "n"
      FROM (
        SELECT
          *
        FROM "t6" AS "t7"
        WHERE
          "t7"."waited" IS NOT NULL
      ) AS "t8"
    ) AS "t13"
    WHERE
      (
        (
          (
            "t13"."index" * 100
          ) <= (
            (
              "t13"."n" - 1
            ) * 25
          )
        )
        AND (
          (
            (
              "t13"."n" - 1
            ) * 25
          ) < (
            (
              "t13"."index" + 1
            ) * 100
          )
        )
      )
      OR (
        (
          (
            (
              "t13"."index" - 1
            ) * 100
          ) < (
            (
              "t13"."n" - 1
            ) * 25
          )
        )
        AND (
          (
            (
              "t13"."n" - 1
            ) * 25
          ) <= (
            "t13"."index" * 100
          )
        )
      )
      OR (
        (
          (
            (
              "t13"."index" * 100
            ) <= (
              (
                "t13"."n" - 1
              ) * 50
            )
          )
          AND (
            (
              (
                "t13"."n" - 1
              ) * 50
            ) < (
              (
                "t13"."index" + 1
              ) * 100
            )
          )
        )
        OR (
          (
            (
              (
                "t13"."index" - 1
              ) * 100
            ) < (
              (
                "t13"."n" - 1
              ) * 50
            )
          )
          AND (
            (
              (
                "t13"."n" - 1
              ) * 50
            ) <= (
              "t13"."index" * 100
            )
          )
        )
      )
      OR (
        (
          (
            (
              "t13"."index" * 100
            ) <= (
              (
                "t13"."n" - 1
              ) * 75
            )
          )
          AND (
            (
              (
                "t13"."n" - 1
              ) * 75
            ) < (
              (
                "t13"."index" + 1
              ) * 100
            )
          )
        )
        OR (
          (
            (
              (
                "t13"."index" - 1
              ) * 100
            ) < (
              (
                "t13"."n" - 1
              ) * 75
            )
          )
          AND (
            (
              (
                "t13"."n" - 1
              ) * 75
            ) <= (
              "t13"."index" * 100
            )
          )
        )
      )
      OR (
        (
          (
            (
              "t13"."index" * 100
            ) <= (
              (
                "t13"."n" - 1
              ) * 90
            )
          )
          AND (
            (
              (
                "t13"."n" - 1
              ) * 90
            ) < (
              (
                "t13"."index" + 1
              ) * 100
            )
          )
        )
        OR (
          (
            (
              (
                "t13"."index" - 1
              ) * 100
            ) < (
              (
                "t13"."n" - 1
              ) * 90
            )
          )
          AND (
            (
              (
                "t13"."n" - 1
              ) * 90
            ) <= (
              "t13"."index" * 100
            )
          )
        )
      )
  ) AS "t22"
) AS "t23"
UNION ALL
SELECT
  *
FROM (
  SELECT
    *
  FROM (
    SELECT
      *
    FROM (
      SELECT
        "t11"."event",
        'occurrences' AS "kind",
        0 AS "position",
        "t11"."occurrences" AS "value"
      FROM (
        SELECT
          "t7"."event",
          COUNT(*) AS "occurrences",
          SUM("t7"."ended") AS "session_ends",
          COALESCE(SUM("t7"."waited"), 0) AS "total"
        FROM "t6" AS "t7"
        GROUP BY
          1
      ) AS "t11"
      INNER JOIN (
        SELECT
          "t3"."event",
          COUNT(*) AS "users"
        FROM (
          SELECT DISTINCT
            "t2"."event",
            "t2"."user_id"
          FROM "t1" AS "t2"
          WHERE
            "t2"."ts" >= CAST(FROM_ISO8601_TIMESTAMP('2024-03-04T00:00:00') AS TIMESTAMP(6))
            AND "t2"."ts" < CAST(FROM_ISO8601_TIMESTAMP('2024-03-18T00:00:00') AS TIMESTAMP(6))
            AND "t2"."event" IN ('view', 'cart')
        ) AS "t3"
        GROUP BY
          1
      ) AS "t5"
        ON "t11"."event" = "t5"."event"
    ) AS "t15"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        "t11"."event",
        'session_ends' AS "kind",
        0 AS "position",
        "t11"."session_ends" AS "value"
      FROM (
        SELECT
          "t7"."event",
          COUNT(*) AS "occurrences",
          SUM("t7"."ended") AS "session_ends",
          COALESCE(SUM("t7"."waited"), 0) AS "total"
        FROM "t6" AS "t7"
        GROUP BY
          1
      ) AS "t11"
      INNER JOIN (
        SELECT
          "t3"."event",
          COUNT(*) AS "users"
        FROM (
          SELECT DISTINCT
            "t2"."event",
            "t2"."user_id"
          FROM "t1" AS "t2"
          WHERE
            "t2"."ts" >= CAST(FROM_ISO8601_TIMESTAMP('2024-03-04T00:00:00') AS TIMESTAMP(6))
            AND "t2"."ts" < CAST(FROM_ISO8601_TIMESTAMP('2024-03-18T00:00:00') AS TIMESTAMP(6))
            AND "t2"."event" IN ('view', 'cart')
        ) AS "t3"
        GROUP BY
          1
      ) AS "t5"
        ON "t11"."event" = "t5"."event"
    ) AS "t16"
  ) AS "t19"
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      *
    FROM (
      SELECT
        "t11"."event",
        'total' AS "kind",
        0 AS "position",
        "t11"."total" AS "value"
      FROM (
        SELECT
          "t7"."event",
          COUNT(*) AS "occurrences",
          SUM("t7"."ended") AS "session_ends",
          COALESCE(SUM("t7"."waited"), 0) AS "total"
        FROM "t6" AS "t7"
        GROUP BY
          1
      ) AS "t11"
      INNER JOIN (
        SELECT
          "t3"."event",
          COUNT(*) AS "users"
        FROM (
          SELECT DISTINCT
            "t2"."event",
            "t2"."user_id"
          FROM "t1" AS "t2"
          WHERE
            "t2"."ts" >= CAST(FROM_ISO8601_TIMESTAMP('2024-03-04T00:00:00') AS TIMESTAMP(6))
            AND "t2"."ts" < CAST(FROM_ISO8601_TIMESTAMP('2024-03-18T00:00:00') AS TIMESTAMP(6))
            AND "t2"."event" IN ('view', 'cart')
        ) AS "t3"
        GROUP BY
          1
      ) AS "t5"
        ON "t11"."event" = "t5"."event"
    ) AS "t17"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        "t11"."event",
        'users' AS "kind",
        0 AS "position",
        "t5"."users" AS "value"
      FROM (
        SELECT
          "t7"."event",
          COUNT(*) AS "occurrences",
          SUM("t7"."ended") AS "session_ends",
          COALESCE(SUM("t7"."waited"), 0) AS "total"
        FROM "t6" AS "t7"
        GROUP BY
          1
      ) AS "t11"
      INNER JOIN (
        SELECT
          "t3"."event",
          COUNT(*) AS "users"
        FROM (
          SELECT DISTINCT
            "t2"."event",
            "t2"."user_id"
          FROM "t1" AS "t2"
          WHERE
            "t2"."ts" >= CAST(FROM_ISO8601_TIMESTAMP('2024-03-04T00:00:00') AS TIMESTAMP(6))
            AND "t2"."ts" < CAST(FROM_ISO8601_TIMESTAMP('2024-03-18T00:00:00') AS TIMESTAMP(6))
            AND "t2"."event" IN ('view', 'cart')
        ) AS "t3"
        GROUP BY
          1
      ) AS "t5"
        ON "t11"."event" = "t5"."event"
    ) AS "t18"
  ) AS "t20"
) AS "t21"
