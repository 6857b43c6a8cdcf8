WITH `t2` AS (
  SELECT
    `t1`.`user_id` AS `uid`,
    `t1`.`ts` AS `at`,
    CASE `t1`.`event`
      WHEN 'view'
      THEN 0
      WHEN 'cart'
      THEN 1
      WHEN 'purchase'
      THEN 2
      WHEN 'refund'
      THEN 3
      ELSE NULL
    END AS `kind`,
    `t1`.`position`
  FROM (
    SELECT
      `t0`.`user_id`,
      `t0`.`ts`,
      `t0`.`event`,
      `t0`.`seq`,
      `t0`.`plan`,
      ROW_NUMBER() OVER (
        PARTITION BY `t0`.`user_id`
        ORDER BY `t0`.`ts` ASC NULLS LAST, `t0`.`seq` ASC NULLS LAST
      ) - 1 AS `position`
    FROM `events` AS `t0`
  ) AS `t1`
  WHERE
    `t1`.`event` IN ('view', 'cart', 'purchase', 'refund')
), `t24` AS (
  SELECT
    `t23`.`user_id`,
    `t23`.`reached_1`,
    `t23`.`reached_2`,
    `t23`.`reached_3`,
    `t23`.`position`,
    COUNT(`t23`.`at`) AS `hits`
  FROM (
    SELECT
      `t22`.`user_id`,
      `t22`.`reached_1`,
      `t22`.`reached_2`,
      `t22`.`reached_3`,
      `t22`.`position`,
      `t4`.`uid`,
      `t4`.`at`,
      `t4`.`kind`,
      `t4`.`position` AS `position_right`
    FROM (
      SELECT
        `t19`.`user_id`,
        `t19`.`reached_1`,
        `t19`.`reached_2`,
        `t5`.`at` AS `reached_3`,
        `t5`.`position`
      FROM (
        SELECT
          `t16`.`user_id`,
          `t16`.`reached_1`,
          IF(`t16`.`hits` > 0, CAST(NULL AS TIMESTAMP), `t16`.`reached_2`) AS `reached_2`,
          `t16`.`position`
        FROM (
          SELECT
            `t15`.`user_id`,
            `t15`.`reached_1`,
            `t15`.`reached_2`,
            `t15`.`position`,
            COUNT(`t15`.`at`) AS `hits`
          FROM (
            SELECT
              `t14`.`user_id`,
              `t14`.`reached_1`,
              `t14`.`reached_2`,
              `t14`.`position`,
              `t6`.`uid`,
              `t6`.`at`,
              `t6`.`kind`,
              `t6`.`position` AS `position_right`
            FROM (
              SELECT
                `t11`.`user_id`,
                `t11`.`reached_1`,
                `t7`.`at` AS `reached_2`,
                `t7`.`position`
              FROM (
                SELECT
                  `t8`.`uid` AS `user_id`,
                  MIN(`t8`.`at`) AS `reached_1`,
                  MIN(`t8`.`position`) AS `position`
                FROM (
                  SELECT
                    *
                  FROM `t2` AS `t3`
                  WHERE
                    `t3`.`kind` = 0
                    AND `t3`.`at` >= CAST('2024-03-04T00:00:00' AS TIMESTAMP)
                    AND `t3`.`at` < CAST('2024-03-18T00:00:00' AS TIMESTAMP)
                ) AS `t8`
                GROUP BY
                  1
              ) AS `t11`
              LEFT OUTER JOIN `t2` AS `t7`
                ON `t11`.`user_id` = `t7`.`uid`
                AND `t7`.`kind` = 1
                AND DATEDIFF(MICROSECOND, CAST('1970-01-01T00:00:00' AS TIMESTAMP), `t7`.`at`) <= (
                  DATEDIFF(MICROSECOND, CAST('1970-01-01T00:00:00' AS TIMESTAMP), `t11`.`reached_1`) + 86400000000
                )
                AND `t7`.`position` = (
                  `t11`.`position` + 1
                )
            ) AS `t14`
            LEFT OUTER JOIN `t2` AS `t6`
              ON `t14`.`user_id` = `t6`.`uid`
              AND `t6`.`kind` = 3
              AND `t6`.`at` > `t14`.`reached_1`
              AND `t6`.`at` < `t14`.`reached_2`
          ) AS `t15`
          GROUP BY
            1,
            2,
            3,
            4
        ) AS `t16`
      ) AS `t19`
      LEFT OUTER JOIN `t2` AS `t5`
        ON `t19`.`user_id` = `t5`.`uid`
        AND `t5`.`kind` = 2
        AND DATEDIFF(MICROSECOND, CAST('1970-01-01T00:00:00' AS TIMESTAMP), `t5`.`at`) <= (
          DATEDIFF(MICROSECOND, CAST('1970-01-01T00:00:00' AS TIMESTAMP), `t19`.`reached_1`) + 86400000000
        )
        AND `t5`.`position` = (
          `t19`.`position` + 1
        )
    ) AS `t22`
    LEFT OUTER JOIN `t2` AS `t4`
      ON `t22`.`user_id` = `t4`.`uid`
      AND `t4`.`kind` = 3
      AND `t4`.`at` > `t22`.`reached_2`
      AND `t4`.`at` < `t22`.`reached_3`
  ) AS `t23`
  GROUP BY
    1,
    2,
    3,
    4,
    5
), `t31` AS (
  SELECT
    *
  FROM (
    SELECT
      3 AS `step`,
      `t29`.`reached_3` AS `at`,
      DATEDIFF(MICROSECOND, `t29`.`reached_2`, `t29`.`reached_3`) AS `previous`,
      DATEDIFF(MICROSECOND, `t29`.`reached_1`, `t29`.`reached_3`) AS `start`
    FROM (
      SELECT
        `t25`.`user_id`,
        `t25`.`reached_1`,
        `t25`.`reached_2`,
        IF(`t25`.`hits` > 0, CAST(NULL AS TIMESTAMP), `t25`.`reached_3`) AS `reached_3`,
        `t25`.`position`
      FROM `t24` AS `t25`
    ) AS `t29`
  ) AS `t30`
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      *
    FROM (
      SELECT
        1 AS `step`,
        `t25`.`reached_1` AS `at`,
        CAST(NULL AS BIGINT) AS `previous`,
        CAST(NULL AS BIGINT) AS `start`
      FROM `t24` AS `t25`
    ) AS `t26`
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        2 AS `step`,
        `t25`.`reached_2` AS `at`,
        DATEDIFF(MICROSECOND, `t25`.`reached_1`, `t25`.`reached_2`) AS `previous`,
        DATEDIFF(MICROSECOND, `t25`.`reached_1`, `t25`.`reached_2`) AS `start`
      FROM `t24` AS `t25`
    ) AS `t27`
  ) AS `t28`
)
SELECT
  *
FROM (
  SELECT
    `t37`.`step`,
    `t37`.`users`,
    `t44`.`low` AS `previous_low`,
    `t44`.`high` AS `previous_high`,
    `t45`.`low` AS `start_low`,
    `t45`.`high` AS `start_high`
  FROM (
    SELECT
      `t33`.`step`,
      COUNT(*) AS `users`
    FROM (
      SELECT
        *
      FROM `t31` AS `t32`
      WHERE
        `t32`.`at` IS NOT NULL
    ) AS `t33`
    GROUP BY
      1
  ) AS `t37`
  LEFT OUTER JOIN (
    SELECT
      `t40`.`step`,
      MIN(`t40`.`value`) AS `low`,
      MAX(`t40`.`value`) AS `high`
    FROM (
      SELECT
        *
      FROM (
        SELECT
          `t34`.`step`,
          `t34`.`value`,
          ROW_NUMBER() OVER (PARTITION BY `t34`.`step` ORDER BY `t34`.`value` ASC NULLS LAST) - 1 AS `rank`,
          COUNT(`t34`.`value`) OVER (
            PARTITION BY `t34`.`step`
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
          ) AS `n`
        FROM (
          SELECT
            `t32`.`step`,
            `t32`.`previous` AS `value`
          FROM `t31` AS `t32`
          WHERE
            `t32`.`at` IS NOT NULL AND `t32`.`previous` IS NOT NULL
        ) AS `t34`
      ) AS `t38`
      WHERE
        (
          `t38`.`rank` = CAST(FLOOR((
            `t38`.`n` - 1
          ) / (
            2
          )) AS BIGINT)
        )
        OR (
          `t38`.`rank` = CAST(FLOOR((
            `t38`.`n`
          ) / (
            2
          )) AS BIGINT)
        )
    ) AS `t40`
    GROUP BY
      1
  ) AS `t44`
    ON `t37`.`step` = `t44`.`step`
  LEFT OUTER JOIN (
    SELECT
      `t41`.`step`,
      MIN(`t41`.`value`) AS `low`,
      MAX(`t41`.`value`) AS `high`
    FROM (
      SELECT
        *
      FROM (
        SELECT
          `t35`.`step`,
          `t35`.`value`,
          ROW_NUMBER() OVER (PARTITION BY `t35`.`step` ORDER BY `t35`.`value` ASC NULLS LAST) - 1 AS `rank`,
          COUNT(`t35`.`value`) OVER (
            PARTITION BY `t35`.`step`
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
          ) AS `n`
        FROM (
          SELECT
            `t32`.`step`,
            `t32`.`start` AS `value`
          FROM `t31` AS `t32`
          WHERE
            `t32`.`at` IS NOT NULL AND `t32`.`start` IS NOT NULL
        ) AS `t35`
      ) AS `t39`
      WHERE
        (
          `t39`.`rank` = CAST(FLOOR((
            `t39`.`n` - 1
          ) / (
            2
          )) AS BIGINT)
        )
        OR (
          `t39`.`rank` = CAST(FLOOR((
            `t39`.`n`
          ) / (
            2
          )) AS BIGINT)
        )
    ) AS `t41`
    GROUP BY
      1
  ) AS `t45`
    ON `t37`.`step` = `t45`.`step`
) AS `t46`
