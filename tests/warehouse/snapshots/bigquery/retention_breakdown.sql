WITH `t16` AS (
  SELECT
    `t13`.`user_id`,
    `t13`.`started`,
    `t13`.`cohort`,
    `t15`.`segment`
  FROM (
    SELECT
      `t7`.`user_id`,
      `t7`.`started`,
      DATE_SUB(
        DATE(`t7`.`started`),
        INTERVAL (MOD(EXTRACT(dayofweek FROM `t7`.`started`) + 5, 7)) DAY
      ) AS `cohort`
    FROM (
      SELECT
        `t2`.`user_id`,
        MIN(`t2`.`ts`) AS `started`
      FROM (
        SELECT
          *
        FROM `events` AS `t0`
        WHERE
          `t0`.`event` = 'signup'
      ) AS `t2`
      GROUP BY
        1
    ) AS `t7`
    WHERE
      `t7`.`started` >= DATETIME('2024-03-04T00:00:00')
      AND `t7`.`started` < DATETIME('2024-03-18T00:00:00')
  ) AS `t13`
  INNER JOIN (
    SELECT
      `t5`.`user_id`,
      IF(
        (
          `t11`.`value` IS NULL
        ) OR (
          TRIM(`t11`.`value`, ' \t\n\r\v\f') = ''
        ),
        '(missing)',
        `t11`.`value`
      ) AS `segment`
    FROM (
      SELECT DISTINCT
        `t0`.`user_id`
      FROM `events` AS `t0`
      WHERE
        `t0`.`event` = 'signup'
    ) AS `t5`
    LEFT OUTER JOIN (
      SELECT
        `t6`.`user_id`,
        `t6`.`tier` AS `value`
      FROM (
        SELECT
          `t1`.`user_id`,
          `t1`.`seq`,
          `t1`.`tier`,
          ROW_NUMBER() OVER (PARTITION BY `t1`.`user_id` ORDER BY `t1`.`seq` DESC) - 1 AS `rank`
        FROM `customers` AS `t1`
      ) AS `t6`
      WHERE
        `t6`.`rank` = 0
    ) AS `t11`
      ON `t5`.`user_id` = `t11`.`user_id`
  ) AS `t15`
    ON `t13`.`user_id` = `t15`.`user_id`
)
SELECT
  `t20`.`segment`,
  `t20`.`cohort`,
  `t20`.`cohort_size`,
  `t25`.`period`,
  `t25`.`users`
FROM (
  SELECT
    `t17`.`segment`,
    `t17`.`cohort`,
    COUNT(*) AS `cohort_size`
  FROM `t16` AS `t17`
  GROUP BY
    1,
    2
) AS `t20`
LEFT OUTER JOIN (
  SELECT
    `t23`.`segment`,
    `t23`.`cohort`,
    `t23`.`period`,
    COUNT(*) AS `users`
  FROM (
    SELECT
      `t22`.`user_id`,
      `t22`.`segment`,
      `t22`.`cohort`,
      MAX(`t22`.`period`) AS `period`
    FROM (
      SELECT
        `t21`.`user_id`,
        `t21`.`segment`,
        `t21`.`cohort`,
        `t21`.`period`
      FROM (
        SELECT
          `t10`.`user_id`,
          `t10`.`period`,
          `t10`.`latest`,
          `t18`.`started`,
          `t18`.`cohort`,
          `t18`.`segment`
        FROM (
          SELECT
            `t4`.`user_id`,
            DATE_SUB(DATE(`t4`.`ts`), INTERVAL (MOD(EXTRACT(dayofweek FROM `t4`.`ts`) + 5, 7)) DAY) AS `period`,
            MAX(`t4`.`ts`) AS `latest`
          FROM (
            SELECT
              *
            FROM `events` AS `t0`
            WHERE
              `t0`.`event` = 'purchase' AND `t0`.`ts` < DATETIME('2024-03-18T00:00:00')
          ) AS `t4`
          GROUP BY
            1,
            2
        ) AS `t10`
        INNER JOIN `t16` AS `t18`
          ON `t10`.`user_id` = `t18`.`user_id`
      ) AS `t21`
      WHERE
        `t21`.`latest` >= `t21`.`started`
    ) AS `t22`
    GROUP BY
      1,
      2,
      3
  ) AS `t23`
  GROUP BY
    1,
    2,
    3
) AS `t25`
  ON `t20`.`segment` = `t25`.`segment` AND `t20`.`cohort` = `t25`.`cohort`
