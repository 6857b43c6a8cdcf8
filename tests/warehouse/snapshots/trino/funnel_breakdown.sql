WITH "t2" AS (
  SELECT
    "t0"."user_id" AS "uid",
    "t0"."ts" AS "at",
    CASE "t0"."event"
      WHEN 'view'
      THEN 0
      WHEN 'cart'
      THEN 1
      WHEN 'purchase'
      THEN 2
      WHEN 'refund'
      THEN 3
      ELSE NULL
    END AS "kind"
  FROM "events" AS "t0"
  WHERE
    "t0"."event" IN ('view', 'cart', 'purchase', 'refund')
), "t40" AS (
  SELECT
    *
  FROM (
    SELECT
      "t18"."segment",
      3 AS "step",
      "t35"."reached_3" AS "at",
      DATE_DIFF(
        'MICROSECOND',
        DATE_TRUNC('MICROSECOND', "t35"."reached_2"),
        DATE_TRUNC('MICROSECOND', "t35"."reached_3")
      ) AS "previous",
      DATE_DIFF(
        'MICROSECOND',
        DATE_TRUNC('MICROSECOND', "t35"."reached_1"),
        DATE_TRUNC('MICROSECOND', "t35"."reached_3")
      ) AS "start"
    FROM (
      SELECT
        "t33"."user_id",
        "t33"."reached_1",
        "t33"."reached_2",
        IF("t33"."hits" > 0, CAST(NULL AS TIMESTAMP(6)), "t33"."reached_3") AS "reached_3"
      FROM (
        SELECT
          "t32"."user_id",
          "t32"."reached_1",
          "t32"."reached_2",
          "t32"."reached_3",
          COUNT("t32"."at") AS "hits"
        FROM (
          SELECT
            "t31"."user_id",
            "t31"."reached_1",
            "t31"."reached_2",
            "t31"."reached_3",
            "t6"."uid",
            "t6"."at",
            "t6"."kind"
          FROM (
            SELECT
              "t28"."user_id",
              "t28"."reached_1",
              "t28"."reached_2",
              MIN("t28"."at") AS "reached_3"
            FROM (
              SELECT
                "t27"."user_id",
                "t27"."reached_1",
                "t27"."reached_2",
                "t7"."uid",
                "t7"."at",
                "t7"."kind"
              FROM (
                SELECT
                  "t24"."user_id",
                  "t24"."reached_1",
                  IF("t24"."hits" > 0, CAST(NULL AS TIMESTAMP(6)), "t24"."reached_2") AS "reached_2"
                FROM (
                  SELECT
                    "t23"."user_id",
                    "t23"."reached_1",
                    "t23"."reached_2",
                    COUNT("t23"."at") AS "hits"
                  FROM (
                    SELECT
                      "t22"."user_id",
                      "t22"."reached_1",
                      "t22"."reached_2",
                      "t8"."uid",
                      "t8"."at",
                      "t8"."kind"
                    FROM (
                      SELECT
                        "t19"."user_id",
                        "t19"."reached_1",
                        MIN("t19"."at") AS "reached_2"
                      FROM (
                        SELECT
                          "t16"."user_id",
                          "t16"."reached_1",
                          "t9"."uid",
                          "t9"."at",
                          "t9"."kind"
                        FROM (
                          SELECT
                            "t11"."uid" AS "user_id",
                            MIN("t11"."at") AS "reached_1"
                          FROM (
                            SELECT
                              *
                            FROM "t2" AS "t4"
                            WHERE
                              "t4"."kind" = 0
                              AND "t4"."at" >= CAST(FROM_ISO8601_TIMESTAMP('2024-03-04T00:00:00') AS TIMESTAMP(6))
                              AND "t4"."at" < CAST(FROM_ISO8601_TIMESTAMP('2024-03-18T00:00:00') AS TIMESTAMP(6))
                          ) AS "t11"
                          GROUP BY
                            1
                        ) AS "t16"
                        LEFT OUTER JOIN "t2" AS "t9"
                          ON "t16"."user_id" = "t9"."uid"
                          AND "t9"."kind" = 1
                          AND DATE_DIFF(
                            'MICROSECOND',
                            DATE_TRUNC('MICROSECOND', CAST(FROM_ISO8601_TIMESTAMP('1970-01-01T00:00:00') AS TIMESTAMP(6))),
                            DATE_TRUNC('MICROSECOND', "t9"."at")
                          ) <= (
                            DATE_DIFF(
                              'MICROSECOND',
                              DATE_TRUNC('MICROSECOND', CAST(FROM_ISO8601_TIMESTAMP('1970-01-01T00:00:00') AS TIMESTAMP(6))),
                              DATE_TRUNC('MICROSECOND', "t16"."reached_1")
                            ) + 86400000000
                          )
                          AND "t9"."at" >= "t16"."reached_1"
                      ) AS "t19"
                      GROUP BY
                        1,
                        2
                    ) AS "t22"
                    LEFT OUTER JOIN "t2" AS "t8"
                      ON "t22"."user_id" = "t8"."uid"
                      AND "t8"."kind" = 3
                      AND "t8"."at" > "t22"."reached_1"
                      AND "t8"."at" < "t22"."reached_2"
                  ) AS "t23"
                  GROUP BY
                    1,
                    2,
                    3
                ) AS "t24"
              ) AS "t27"
              LEFT OUTER JOIN "t2" AS "t7"
                ON "t27"."user_id" = "t7"."uid"
                AND "t7"."kind" = 2
                AND DATE_DIFF(
                  'MICROSECOND',
                  DATE_TRUNC('MICROSECOND', CAST(FROM_ISO8601_TIMESTAMP('1970-01-01T00:00:00') AS TIMESTAMP(6))),
                  DATE_TRUNC('MICROSECOND', "t7"."at")
                ) <= (
                  DATE_DIFF(
                    'MICROSECOND',
                    DATE_TRUNC('MICROSECOND', CAST(FROM_ISO8601_TIMESTAMP('1970-01-01T00:00:00') AS TIMESTAMP(6))),
                    DATE_TRUNC('MICROSECOND', "t27"."reached_1")
                  ) + 86400000000
                )
                AND "t7"."at" >= "t27"."reached_2"
            ) AS "t28"
            GROUP BY
              1,
              2,
              3
          ) AS "t31"
          LEFT OUTER JOIN "t2" AS "t6"
            ON "t31"."user_id" = "t6"."uid"
            AND "t6"."kind" = 3
            AND "t6"."at" > "t31"."reached_2"
            AND "t6"."at" < "t31"."reached_3"
        ) AS "t32"
        GROUP BY
          1,
          2,
          3,
          4
      ) AS "t33"
    ) AS "t35"
    INNER JOIN (
      SELECT
        "t5"."user_id",
        IF(
          (
            "t13"."value" IS NULL
          )
          OR (
            TRIM(' 	
' FROM "t13"."value") = ''
          ),
          '(missing)',
          "t13"."value"
        ) AS "segment"
      FROM (
        SELECT DISTINCT
          "t0"."user_id"
        FROM "events" AS "t0"
        WHERE
          "t0"."event" = 'view'
          AND "t0"."ts" >= CAST(FROM_ISO8601_TIMESTAMP('2024-03-04T00:00:00') AS TIMESTAMP(6))
          AND "t0"."ts" < CAST(FROM_ISO8601_TIMESTAMP('2024-03-18T00:00:00') AS TIMESTAMP(6))
      ) AS "t5"
      LEFT OUTER JOIN (
        SELECT
          "t10"."user_id",
          "t10"."tier" AS "value"
        FROM (
          SELECT
            "t1"."user_id",
            "t1"."seq",
            "t1"."tier",
            ROW_NUMBER() OVER (PARTITION BY "t1"."user_id" ORDER BY "t1"."seq" DESC) - 1 AS "rank"
          FROM "customers" AS "t1"
        ) AS "t10"
        WHERE
          "t10"."rank" = 0
      ) AS "t13"
        ON "t5"."user_id" = "t13"."user_id"
    ) AS "t18"
      ON "t35"."user_id" = "t18"."user_id"
  ) AS "t36"
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      *
    FROM (
      SELECT
        "t18"."segment",
        1 AS "step",
        "t35"."reached_1" AS "at",
        CAST(NULL AS BIGINT) AS "previous",
        CAST(NULL AS BIGINT) AS "start"
      FROM (
        SELECT
          "t33"."user_id",
          "t33"."reached_1",
          "t33"."reached_2",
          IF("t33"."hits" > 0, CAST(NULL AS TIMESTAMP(6)), "t33"."reached_3") AS "reached_3"
        FROM (
          SELECT
            "t32"."user_id",
            "t32"."reached_1",
            "t32"."reached_2",
            "t32"."reached_3",
            COUNT("t32"."at") AS "hits"
          FROM (
            SELECT
              "t31"."user_id",
              "t31"."reached_1",
              "t31"."reached_2",
              "t31"."reached_3",
              "t6"."uid",
              "t6"."at",
              "t6"."kind"
            FROM (
              SELECT
                "t28"."user_id",
                "t28"."reached_1",
                "t28"."reached_2",
                MIN("t28"."at") AS "reached_3"
              FROM (
                SELECT
                  "t27"."user_id",
                  "t27"."reached_1",
                  "t27"."reached_2",
                  "t7"."uid",
                  "t7"."at",
                  "t7"."kind"
                FROM (
                  SELECT
                    "t24"."user_id",
                    "t24"."reached_1",
                    IF("t24"."hits" > 0, CAST(NULL AS TIMESTAMP(6)), "t24"."reached_2") AS "reached_2"
                  FROM (
                    SELECT
                      "t23"."user_id",
                      "t23"."reached_1",
                      "t23"."reached_2",
                      COUNT("t23"."at") AS "hits"
                    FROM (
                      SELECT
                        "t22"."user_id",
                        "t22"."reached_1",
                        "t22"."reached_2",
                        "t8"."uid",
                        "t8"."at",
                        "t8"."kind"
                      FROM (
                        SELECT
                          "t19"."user_id",
                          "t19"."reached_1",
                          MIN("t19"."at") AS "reached_2"
                        FROM (
                          SELECT
                            "t16"."user_id",
                            "t16"."reached_1",
                            "t9"."uid",
                            "t9"."at",
                            "t9"."kind"
                          FROM (
                            SELECT
                              "t11"."uid" AS "user_id",
                              MIN("t11"."at") AS "reached_1"
                            FROM (
                              SELECT
                                *
                              FROM "t2" AS "t4"
                              WHERE
                                "t4"."kind" = 0
                                AND "t4"."at" >= CAST(FROM_ISO8601_TIMESTAMP('2024-03-04T00:00:00') AS TIMESTAMP(6))
                                AND "t4"."at" < CAST(FROM_ISO8601_TIMESTAMP('2024-03-18T00:00:00') AS TIMESTAMP(6))
                            ) AS "t11"
                            GROUP BY
                              1
                          ) AS "t16"
                          LEFT OUTER JOIN "t2" AS "t9"
                            ON "t16"."user_id" = "t9"."uid"
                            AND "t9"."kind" = 1
                            AND DATE_DIFF(
                              'MICROSECOND',
                              DATE_TRUNC('MICROSECOND', CAST(FROM_ISO8601_TIMESTAMP('1970-01-01T00:00:00') AS TIMESTAMP(6))),
                              DATE_TRUNC('MICROSECOND', "t9"."at")
                            ) <= (
                              DATE_DIFF(
                                'MICROSECOND',
                                DATE_TRUNC('MICROSECOND', CAST(FROM_ISO8601_TIMESTAMP('1970-01-01T00:00:00') AS TIMESTAMP(6))),
                                DATE_TRUNC('MICROSECOND', "t16"."reached_1")
                              ) + 86400000000
                            )
                            AND "t9"."at" >= "t16"."reached_1"
                        ) AS "t19"
                        GROUP BY
                          1,
                          2
                      ) AS "t22"
                      LEFT OUTER JOIN "t2" AS "t8"
                        ON "t22"."user_id" = "t8"."uid"
                        AND "t8"."kind" = 3
                        AND "t8"."at" > "t22"."reached_1"
                        AND "t8"."at" < "t22"."reached_2"
                    ) AS "t23"
                    GROUP BY
                      1,
                      2,
                      3
                  ) AS "t24"
                ) AS "t27"
                LEFT OUTER JOIN "t2" AS "t7"
                  ON "t27"."user_id" = "t7"."uid"
                  AND "t7"."kind" = 2
                  AND DATE_DIFF(
                    'MICROSECOND',
                    DATE_TRUNC('MICROSECOND', CAST(FROM_ISO8601_TIMESTAMP('1970-01-01T00:00:00') AS TIMESTAMP(6))),
                    DATE_TRUNC('MICROSECOND', "t7"."at")
                  ) <= (
                    DATE_DIFF(
                      'MICROSECOND',
                      DATE_TRUNC('MICROSECOND', CAST(FROM_ISO8601_TIMESTAMP('1970-01-01T00:00:00') AS TIMESTAMP(6))),
                      DATE_TRUNC('MICROSECOND', "t27"."reached_1")
                    ) + 86400000000
                  )
                  AND "t7"."at" >= "t27"."reached_2"
              ) AS "t28"
              GROUP BY
                1,
                2,
                3
            ) AS "t31"
            LEFT OUTER JOIN "t2" AS "t6"
              ON "t31"."user_id" = "t6"."uid"
              AND "t6"."kind" = 3
              AND "t6"."at" > "t31"."reached_2"
              AND "t6"."at" < "t31"."reached_3"
          ) AS "t32"
          GROUP BY
            1,
            2,
            3,
            4
        ) AS "t33"
      ) AS "t35"
      INNER JOIN (
        SELECT
          "t5"."user_id",
          IF(
            (
              "t13"."value" IS NULL
            )
            OR (
              TRIM(' 	
' FROM "t13"."value") = ''
            ),
            '(missing)',
            "t13"."value"
          ) AS "segment"
        FROM (
          SELECT DISTINCT
            "t0"."user_id"
          FROM "events" AS "t0"
          WHERE
            "t0"."event" = 'view'
            AND "t0"."ts" >= CAST(FROM_ISO8601_TIMESTAMP('2024-03-04T00:00:00') AS TIMESTAMP(6))
            AND "t0"."ts" < CAST(FROM_ISO8601_TIMESTAMP('2024-03-18T00:00:00') AS TIMESTAMP(6))
        ) AS "t5"
        LEFT OUTER JOIN (
          SELECT
            "t10"."user_id",
            "t10"."tier" AS "value"
          FROM (
            SELECT
              "t1"."user_id",
              "t1"."seq",
              "t1"."tier",
              ROW_NUMBER() OVER (PARTITION BY "t1"."user_id" ORDER BY "t1"."seq" DESC) - 1 AS "rank"
            FROM "customers" AS "t1"
          ) AS "t10"
          WHERE
            "t10"."rank" = 0
        ) AS "t13"
          ON "t5"."user_id" = "t13"."user_id"
      ) AS "t18"
        ON "t35"."user_id" = "t18"."user_id"
    ) AS "t37"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        "t18"."segment",
        2 AS "step",
        "t35"."reached_2" AS "at",
        DATE_DIFF(
          'MICROSECOND',
          DATE_TRUNC('MICROSECOND', "t35"."reached_1"),
          DATE_TRUNC('MICROSECOND', "t35"."reached_2")
        ) AS "previous",
        DATE_DIFF(
          'MICROSECOND',
          DATE_TRUNC('MICROSECOND', "t35"."reached_1"),
          DATE_TRUNC('MICROSECOND', "t35"."reached_2")
        ) AS "start"
      FROM (
        SELECT
          "t33"."user_id",
          "t33"."reached_1",
          "t33"."reached_2",
          IF("t33"."hits" > 0, CAST(NULL AS TIMESTAMP(6)), "t33"."reached_3") AS "reached_3"
        FROM (
          SELECT
            "t32"."user_id",
            "t32"."reached_1",
            "t32"."reached_2",
            "t32"."reached_3",
            COUNT("t32"."at") AS "hits"
          FROM (
            SELECT
              "t31"."user_id",
              "t31"."reached_1",
              "t31"."reached_2",
              "t31"."reached_3",
              "t6"."uid",
              "t6"."at",
              "t6"."kind"
            FROM (
              SELECT
                "t28"."user_id",
                "t28"."reached_1",
                "t28"."reached_2",
                MIN("t28"."at") AS "reached_3"
              FROM (
                SELECT
                  "t27"."user_id",
                  "t27"."reached_1",
                  "t27"."reached_2",
                  "t7"."uid",
                  "t7"."at",
                  "t7"."kind"
                FROM (
                  SELECT
                    "t24"."user_id",
                    "t24"."reached_1",
                    IF("t24"."hits" > 0, CAST(NULL AS TIMESTAMP(6)), "t24"."reached_2") AS "reached_2"
                  FROM (
                    SELECT
                      "t23"."user_id",
                      "t23"."reached_1",
                      "t23"."reached_2",
                      COUNT("t23"."at") AS "hits"
                    FROM (
                      SELECT
                        "t22"."user_id",
                        "t22"."reached_1",
                        "t22"."reached_2",
                        "t8"."uid",
                        "t8"."at",
                        "t8"."kind"
                      FROM (
                        SELECT
                          "t19"."user_id",
                          "t19"."reached_1",
                          MIN("t19"."at") AS "reached_2"
                        FROM (
                          SELECT
                            "t16"."user_id",
                            "t16"."reached_1",
                            "t9"."uid",
                            "t9"."at",
                            "t9"."kind"
                          FROM (
                            SELECT
                              "t11"."uid" AS "user_id",
                              MIN("t11"."at") AS "reached_1"
                            FROM (
                              SELECT
                                *
                              FROM "t2" AS "t4"
                              WHERE
                                "t4"."kind" = 0
                                AND "t4"."at" >= CAST(FROM_ISO8601_TIMESTAMP('2024-03-04T00:00:00') AS TIMESTAMP(6))
                                AND "t4"."at" < CAST(FROM_ISO8601_TIMESTAMP('2024-03-18T00:00:00') AS TIMESTAMP(6))
                            ) AS "t11"
                            GROUP BY
                              1
                          ) AS "t16"
                          LEFT OUTER JOIN "t2" AS "t9"
                            ON "t16"."user_id" = "t9"."uid"
                            AND "t9"."kind" = 1
                            AND DATE_DIFF(
                              'MICROSECOND',
                              DATE_TRUNC('MICROSECOND', CAST(FROM_ISO8601_TIMESTAMP('1970-01-01T00:00:00') AS TIMESTAMP(6))),
                              DATE_TRUNC('MICROSECOND', "t9"."at")
                            ) <= (
                              DATE_DIFF(
                                'MICROSECOND',
                                DATE_TRUNC('MICROSECOND', CAST(FROM_ISO8601_TIMESTAMP('1970-01-01T00:00:00') AS TIMESTAMP(6))),
                                DATE_TRUNC('MICROSECOND', "t16"."reached_1")
                              ) + 86400000000
                            )
                            AND "t9"."at" >= "t16"."reached_1"
                        ) AS "t19"
                        GROUP BY
                          1,
                          2
                      ) AS "t22"
                      LEFT OUTER JOIN "t2" AS "t8"
                        ON "t22"."user_id" = "t8"."uid"
                        AND "t8"."kind" = 3
                        AND "t8"."at" > "t22"."reached_1"
                        AND "t8"."at" < "t22"."reached_2"
                    ) AS "t23"
                    GROUP BY
                      1,
                      2,
                      3
                  ) AS "t24"
                ) AS "t27"
                LEFT OUTER JOIN "t2" AS "t7"
                  ON "t27"."user_id" = "t7"."uid"
                  AND "t7"."kind" = 2
                  AND DATE_DIFF(
                    'MICROSECOND',
                    DATE_TRUNC('MICROSECOND', CAST(FROM_ISO8601_TIMESTAMP('1970-01-01T00:00:00') AS TIMESTAMP(6))),
                    DATE_TRUNC('MICROSECOND', "t7"."at")
                  ) <= (
                    DATE_DIFF(
                      'MICROSECOND',
                      DATE_TRUNC('MICROSECOND', CAST(FROM_ISO8601_TIMESTAMP('1970-01-01T00:00:00') AS TIMESTAMP(6))),
                      DATE_TRUNC('MICROSECOND', "t27"."reached_1")
                    ) + 86400000000
                  )
                  AND "t7"."at" >= "t27"."reached_2"
              ) AS "t28"
              GROUP BY
                1,
                2,
                3
            ) AS "t31"
            LEFT OUTER JOIN "t2" AS "t6"
              ON "t31"."user_id" = "t6"."uid"
              AND "t6"."kind" = 3
              AND "t6"."at" > "t31"."reached_2"
              AND "t6"."at" < "t31"."reached_3"
          ) AS "t32"
          GROUP BY
            1,
            2,
            3,
            4
        ) AS "t33"
      ) AS "t35"
      INNER JOIN (
        SELECT
          "t5"."user_id",
          IF(
            (
              "t13"."value" IS NULL
            )
            OR (
              TRIM(' 	
' FROM "t13"."value") = ''
            ),
            '(missing)',
            "t13"."value"
          ) AS "segment"
        FROM (
          SELECT DISTINCT
            "t0"."user_id"
          FROM "events" AS "t0"
          WHERE
            "t0"."event" = 'view'
            AND "t0"."ts" >= CAST(FROM_ISO8601_TIMESTAMP('2024-03-04T00:00:00') AS TIMESTAMP(6))
            AND "t0"."ts" < CAST(FROM_ISO8601_TIMESTAMP('2024-03-18T00:00:00') AS TIMESTAMP(6))
        ) AS "t5"
        LEFT OUTER JOIN (
          SELECT
            "t10"."user_id",
            "t10"."tier" AS "value"
          FROM (
            SELECT
              "t1"."user_id",
              "t1"."seq",
              "t1"."tier",
              ROW_NUMBER() OVER (PARTITION BY "t1"."user_id" ORDER BY "t1"."seq" DESC) - 1 AS "rank"
            FROM "customers" AS "t1"
          ) AS "t10"
          WHERE
            "t10"."rank" = 0
        ) AS "t13"
          ON "t5"."user_id" = "t13"."user_id"
      ) AS "t18"
        ON "t35"."user_id" = "t18"."user_id"
    ) AS "t38"
  ) AS "t39"
)
SELECT
  *
FROM (
  SELECT
    "t46"."segment",
    "t46"."step",
    "t46"."users",
    "t53"."low" AS "previous_low",
    "t53"."high" AS "previous_high",
    "t54"."low" AS "start_low",
    "t54"."high" AS "start_high"
  FROM (
    SELECT
      "t42"."segment",
      "t42"."step",
      COUNT(*) AS "users"
    FROM (
      SELECT
        *
      FROM "t40" AS "t41"
      WHERE
        "t41"."at" IS NOT NULL
    ) AS "t42"
    GROUP BY
      1,
      2
  ) AS "t46"
  LEFT OUTER JOIN (
    SELECT
      "t49"."segment",
      "t49"."step",
      MIN("t49"."value") AS "low",
      MAX("t49"."value") AS "high"
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t43"."segment",
          "t43"."step",
          "t43"."value",
          ROW_NUMBER() OVER (PARTITION BY "t43"."segment", "t43"."step" ORDER BY "t43"."value" ASC) - 1 AS "rank",
          COUNT("t43"."value") OVER (
            PARTITION BY "t43"."segment", "t43"."step"
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
          ) AS "n"
        FROM (
          SELECT
            "t41"."segment",
            "t41"."step",
            "t41"."previous" AS "value"
          FROM "t40" AS "t41"
          WHERE
            "t41"."at" IS NOT NULL AND "t41"."previous" IS NOT NULL
        ) AS "t43"
      ) AS "t47"
      WHERE
        (
          "t47"."rank" = CAST(FLOOR(CAST((
            "t47"."n" - 1
          ) AS DOUBLE) / (
            2
          )) AS BIGINT)
        )
        OR (
          "t47"."rank" = CAST(FLOOR(CAST((
            "t47"."n"
          ) AS DOUBLE) / (
            2
          )) AS BIGINT)
        )
    ) AS "t49"
    GROUP BY
      1,
      2
  ) AS "t53"
    ON "t46"."segment" = "t53"."segment" AND "t46"."step" = "t53"."step"
  LEFT OUTER JOIN (
    SELECT
      "t50"."segment",
      "t50"."step",
      MIN("t50"."value") AS "low",
      MAX("t50"."value") AS "high"
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t44"."segment",
          "t44"."step",
          "t44"."value",
          ROW_NUMBER() OVER (PARTITION BY "t44"."segment", "t44"."step" ORDER BY "t44"."value" ASC) - 1 AS "rank",
          COUNT("t44"."value") OVER (
            PARTITION BY "t44"."segment", "t44"."step"
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
          ) AS "n"
        FROM (
          SELECT
            "t41"."segment",
            "t41"."step",
            "t41"."start" AS "value"
          FROM "t40" AS "t41"
          WHERE
            "t41"."at" IS NOT NULL AND "t41"."start" IS NOT NULL
        ) AS "t44"
      ) AS "t48"
      WHERE
        (
          "t48"."rank" = CAST(FLOOR(CAST((
            "t48"."n" - 1
          ) AS DOUBLE) / (
            2
          )) AS BIGINT)
        )
        OR (
          "t48"."rank" = CAST(FLOOR(CAST((
            "t48"."n"
          ) AS DOUBLE) / (
            2
          )) AS BIGINT)
        )
    ) AS "t50"
    GROUP BY
      1,
      2
  ) AS "t54"
    ON "t46"."segment" = "t54"."segment" AND "t46"."step" = "t54"."step"
) AS "t55"
