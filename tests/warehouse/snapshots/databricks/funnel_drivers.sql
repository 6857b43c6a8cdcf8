WITH `t3` AS (
  SELECT
    `t0`.`user_id` AS `uid`,
    `t0`.`ts` AS `at`,
    CASE `t0`.`event`
      WHEN 'view'
      THEN 0
      WHEN 'cart'
      THEN 1
      WHEN 'purchase'
      THEN 2
      WHEN 'refund'
      THEN 3
      ELSE NULL
    END AS `kind`
  FROM `events` AS `t0`
  WHERE
    `t0`.`event` IN ('view', 'cart', 'purchase', 'refund')
), `t5` AS (
  SELECT
    *
  FROM `events` AS `t0`
  WHERE
    `t0`.`event` = 'view'
    AND `t0`.`ts` >= CAST('2024-03-04T00:00:00' AS TIMESTAMP)
    AND `t0`.`ts` < CAST('2024-03-18T00:00:00' AS TIMESTAMP)
), `t48` AS (
  SELECT
    `t47`.`user_id`,
    `t47`.`reached_1`,
    `t47`.`reached_2`,
    `t47`.`reached_3`,
    COUNT(`t47`.`at`) AS `hits`
  FROM (
    SELECT
      `t46`.`user_id`,
      `t46`.`reached_1`,
      `t46`.`reached_2`,
      `t46`.`reached_3`,
      `t12`.`uid`,
      `t12`.`at`,
      `t12`.`kind`
    FROM (
      SELECT
        `t43`.`user_id`,
        `t43`.`reached_1`,
        `t43`.`reached_2`,
        MIN(`t43`.`at`) AS `reached_3`
      FROM (
        SELECT
          `t42`.`user_id`,
          `t42`.`reached_1`,
          `t42`.`reached_2`,
          `t13`.`uid`,
          `t13`.`at`,
          `t13`.`kind`
        FROM (
          SELECT
            `t39`.`user_id`,
            `t39`.`reached_1`,
            IF(`t39`.`hits` > 0, CAST(NULL AS TIMESTAMP), `t39`.`reached_2`) AS `reached_2`
          FROM (
            SELECT
              `t38`.`user_id`,
              `t38`.`reached_1`,
              `t38`.`reached_2`,
              COUNT(`t38`.`at`) AS `hits`
            FROM (
              SELECT
                `t34`.`user_id`,
                `t34`.`reached_1`,
                `t34`.`reached_2`,
                `t14`.`uid`,
                `t14`.`at`,
                `t14`.`kind`
              FROM (
                SELECT
                  `t31`.`user_id`,
                  `t31`.`reached_1`,
                  MIN(`t31`.`at`) AS `reached_2`
                FROM (
                  SELECT
                    `t25`.`user_id`,
                    `t25`.`reached_1`,
                    `t15`.`uid`,
                    `t15`.`at`,
                    `t15`.`kind`
                  FROM (
                    SELECT
                      `t18`.`uid` AS `user_id`,
                      MIN(`t18`.`at`) AS `reached_1`
                    FROM (
                      SELECT
                        *
                      FROM `t3` AS `t8`
                      WHERE
                        `t8`.`kind` = 0
                        AND `t8`.`at` >= CAST('2024-03-04T00:00:00' AS TIMESTAMP)
                        AND `t8`.`at` < CAST('2024-03-18T00:00:00' AS TIMESTAMP)
                    ) AS `t18`
                    GROUP BY
                      1
                  ) AS `t25`
                  LEFT OUTER JOIN `t3` AS `t15`
                    ON `t25`.`user_id` = `t15`.`uid`
                    AND `t15`.`kind` = 1
                    AND DATEDIFF(MICROSECOND, CAST('1970-01-01T00:00:00' AS TIMESTAMP), `t15`.`at`) <= (
                      DATEDIFF(MICROSECOND, CAST('1970-01-01T00:00:00' AS TIMESTAMP), `t25`.`reached_1`) + 86400000000
                    )
                    AND `t15`.`at` >= `t25`.`reached_1`
                ) AS `t31`
                GROUP BY
                  1,
                  2
              ) AS `t34`
              LEFT OUTER JOIN `t3` AS `t14`
                ON `t34`.`user_id` = `t14`.`uid`
                AND `t14`.`kind` = 3
                AND `t14`.`at` > `t34`.`reached_1`
                AND `t14`.`at` < `t34`.`reached_2`
            ) AS `t38`
            GROUP BY
              1,
              2,
              3
          ) AS `t39`
        ) AS `t42`
        LEFT OUTER JOIN `t3` AS `t13`
          ON `t42`.`user_id` = `t13`.`uid`
          AND `t13`.`kind` = 2
          AND DATEDIFF(MICROSECOND, CAST('1970-01-01T00:00:00' AS TIMESTAMP), `t13`.`at`) <= (
            DATEDIFF(MICROSECOND, CAST('1970-01-01T00:00:00' AS TIMESTAMP), `t42`.`reached_1`) + 86400000000
          )
          AND `t13`.`at` >= `t42`.`reached_2`
      ) AS `t43`
      GROUP BY
        1,
        2,
        3
    ) AS `t46`
    LEFT OUTER JOIN `t3` AS `t12`
      ON `t46`.`user_id` = `t12`.`uid`
      AND `t12`.`kind` = 3
      AND `t12`.`at` > `t46`.`reached_2`
      AND `t12`.`at` < `t46`.`reached_3`
  ) AS `t47`
  GROUP BY
    1,
    2,
    3,
    4
)
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
        'total' AS `kind`,
        '' AS `feature`,
        CAST(NULL AS BIGINT) AS `order_rows`,
        COUNT(*) AS `users`,
        SUM(CAST(`t62`.`done` AS BIGINT)) AS `converted`
      FROM (
        SELECT
          `t58`.`user_id`,
          `t56`.`done`
        FROM (
          SELECT
            `t56`.`user_id`
          FROM (
            SELECT
              `t52`.`user_id`,
              COALESCE(`t54`.`done`, FALSE) AS `done`
            FROM (
              SELECT
                `t49`.`user_id`
              FROM `t48` AS `t49`
              WHERE
                `t49`.`reached_1` IS NOT NULL
            ) AS `t52`
            LEFT OUTER JOIN (
              SELECT
                `t49`.`user_id`,
                TRUE AS `done`
              FROM `t48` AS `t49`
              WHERE
                IF(`t49`.`hits` > 0, CAST(NULL AS TIMESTAMP), `t49`.`reached_3`) IS NOT NULL
            ) AS `t54`
              ON `t52`.`user_id` = `t54`.`user_id`
          ) AS `t56`
        ) AS `t58`
        INNER JOIN (
          SELECT
            `t52`.`user_id`,
            COALESCE(`t54`.`done`, FALSE) AS `done`
          FROM (
            SELECT
              `t49`.`user_id`
            FROM `t48` AS `t49`
            WHERE
              `t49`.`reached_1` IS NOT NULL
          ) AS `t52`
          LEFT OUTER JOIN (
            SELECT
              `t49`.`user_id`,
              TRUE AS `done`
            FROM `t48` AS `t49`
            WHERE
              IF(`t49`.`hits` > 0, CAST(NULL AS TIMESTAMP), `t49`.`reached_3`) IS NOT NULL
          ) AS `t54`
            ON `t52`.`user_id` = `t54`.`user_id`
        ) AS `t56`
          ON `t58`.`user_id` = `t56`.`user_id`
      ) AS `t62`
      GROUP BY
        1,
        2,
        3
    ) AS `t69`
  ) AS `t71`
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      *
    FROM (
      SELECT
        'event' AS `kind`,
        `t59`.`event` AS `feature`,
        `t59`.`order_rows`,
        COUNT(*) AS `users`,
        SUM(CAST(`t59`.`done` AS BIGINT)) AS `converted`
      FROM (
        SELECT
          `t11`.`user_id`,
          `t11`.`event`,
          `t6`.`order_rows`,
          `t56`.`done`
        FROM (
          SELECT DISTINCT
            `t0`.`user_id`,
            `t0`.`event`
          FROM `events` AS `t0`
          WHERE
            `t0`.`ts` >= CAST('2024-03-04T00:00:00' AS TIMESTAMP)
            AND `t0`.`ts` < CAST('2024-03-18T00:00:00' AS TIMESTAMP)
            AND NOT (
              `t0`.`event` IN ('view', 'cart', 'purchase')
            )
        ) AS `t11`
        INNER JOIN (
          SELECT
            `t0`.`event`,
            COUNT(*) AS `order_rows`
          FROM `events` AS `t0`
          GROUP BY
            1
        ) AS `t6`
          ON `t11`.`event` = `t6`.`event`
        INNER JOIN (
          SELECT
            `t52`.`user_id`,
            COALESCE(`t54`.`done`, FALSE) AS `done`
          FROM (
            SELECT
              `t49`.`user_id`
            FROM `t48` AS `t49`
            WHERE
              `t49`.`reached_1` IS NOT NULL
          ) AS `t52`
          LEFT OUTER JOIN (
            SELECT
              `t49`.`user_id`,
              TRUE AS `done`
            FROM `t48` AS `t49`
            WHERE
              IF(`t49`.`hits` > 0, CAST(NULL AS TIMESTAMP), `t49`.`reached_3`) IS NOT NULL
          ) AS `t54`
            ON `t52`.`user_id` = `t54`.`user_id`
        ) AS `t56`
          ON `t11`.`user_id` = `t56`.`user_id`
      ) AS `t59`
      GROUP BY
        1,
        2,
        3
    ) AS `t63`
  ) AS `t66`
) AS `t72`
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
        'attribute:plan' AS `kind`,
        `t60`.`segment` AS `feature`,
        CAST(NULL AS BIGINT) AS `order_rows`,
        COUNT(*) AS `users`,
        SUM(CAST(`t60`.`done` AS BIGINT)) AS `converted`
      FROM (
        SELECT
          `t37`.`user_id`,
          `t37`.`segment`,
          `t56`.`done`
        FROM (
          SELECT
            `t29`.`user_id`,
            IF(
              (
                `t29`.`plan` IS NULL
              ) OR (
                TRIM(' \t\n\r\v\f' FROM `t29`.`plan`) = ''
              ),
              '(missing)',
              `t29`.`plan`
            ) AS `segment`
          FROM (
            SELECT
              `t26`.`user_id`,
              `t26`.`ts`,
              `t26`.`event`,
              `t26`.`seq`,
              `t26`.`plan`,
              ROW_NUMBER() OVER (
                PARTITION BY `t26`.`user_id`
                ORDER BY `t26`.`ts` ASC NULLS LAST, `t26`.`seq` ASC NULLS LAST
              ) - 1 AS `rank`
            FROM (
              SELECT
                `t16`.`user_id`,
                `t16`.`ts`,
                `t16`.`event`,
                `t16`.`seq`,
                `t16`.`plan`
              FROM `t5` AS `t16`
              LEFT SEMI JOIN (
                SELECT
                  `t10`.`user_id`,
                  MIN(`t10`.`ts`) AS `at`
                FROM `t5` AS `t10`
                GROUP BY
                  1
              ) AS `t20`
                ON `t16`.`user_id` = `t20`.`user_id` AND `t16`.`ts` = `t20`.`at`
            ) AS `t26`
          ) AS `t29`
          WHERE
            `t29`.`rank` = 0
        ) AS `t37`
        INNER JOIN (
          SELECT
            `t52`.`user_id`,
            COALESCE(`t54`.`done`, FALSE) AS `done`
          FROM (
            SELECT
              `t49`.`user_id`
            FROM `t48` AS `t49`
            WHERE
              `t49`.`reached_1` IS NOT NULL
          ) AS `t52`
          LEFT OUTER JOIN (
            SELECT
              `t49`.`user_id`,
              TRUE AS `done`
            FROM `t48` AS `t49`
            WHERE
              IF(`t49`.`hits` > 0, CAST(NULL AS TIMESTAMP), `t49`.`reached_3`) IS NOT NULL
          ) AS `t54`
            ON `t52`.`user_id` = `t54`.`user_id`
        ) AS `t56`
          ON `t37`.`user_id` = `t56`.`user_id`
      ) AS `t60`
      GROUP BY
        1,
        2,
        3
    ) AS `t64`
  ) AS `t67`
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      *
    FROM (
      SELECT
        'attribute:tier' AS `kind`,
        `t61`.`segment` AS `feature`,
        CAST(NULL AS BIGINT) AS `order_rows`,
        COUNT(*) AS `users`,
        SUM(CAST(`t61`.`done` AS BIGINT)) AS `converted`
      FROM (
        SELECT
          `t30`.`user_id`,
          `t30`.`segment`,
          `t56`.`done`
        FROM (
          SELECT
            `t9`.`user_id`,
            IF(
              (
                `t22`.`value` IS NULL
              ) OR (
                TRIM(' \t\n\r\v\f' FROM `t22`.`value`) = ''
              ),
              '(missing)',
              `t22`.`value`
            ) AS `segment`
          FROM (
            SELECT DISTINCT
              `t0`.`user_id`
            FROM `events` AS `t0`
            WHERE
              `t0`.`event` = 'view'
              AND `t0`.`ts` >= CAST('2024-03-04T00:00:00' AS TIMESTAMP)
              AND `t0`.`ts` < CAST('2024-03-18T00:00:00' AS TIMESTAMP)
          ) AS `t9`
          LEFT OUTER JOIN (
            SELECT
              `t17`.`user_id`,
              `t17`.`tier` AS `value`
            FROM (
              SELECT
                `t1`.`user_id`,
                `t1`.`seq`,
                `t1`.`tier`,
                ROW_NUMBER() OVER (PARTITION BY `t1`.`user_id` ORDER BY `t1`.`seq` DESC) - 1 AS `rank`
              FROM `customers` AS `t1`
            ) AS `t17`
            WHERE
              `t17`.`rank` = 0
          ) AS `t22`
            ON `t9`.`user_id` = `t22`.`user_id`
        ) AS `t30`
        INNER JOIN (
          SELECT
            `t52`.`user_id`,
            COALESCE(`t54`.`done`, FALSE) AS `done`
          FROM (
            SELECT
              `t49`.`user_id`
            FROM `t48` AS `t49`
            WHERE
              `t49`.`reached_1` IS NOT NULL
          ) AS `t52`
          LEFT OUTER JOIN (
            SELECT
              `t49`.`user_id`,
              TRUE AS `done`
            FROM `t48` AS `t49`
            WHERE
              IF(`t49`.`hits` > 0, CAST(NULL AS TIMESTAMP), `t49`.`reached_3`) IS NOT NULL
          ) AS `t54`
            ON `t52`.`user_id` = `t54`.`user_id`
        ) AS `t56`
          ON `t30`.`user_id` = `t56`.`user_id`
      ) AS `t61`
      GROUP BY
        1,
        2,
        3
    ) AS `t65`
  ) AS `t68`
) AS `t70`
