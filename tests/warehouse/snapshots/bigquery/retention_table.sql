WITH `t5` AS (
  SELECT
    `t4`.`user_id`,
    `t4`.`started`,
    DATE_SUB(
      DATE(`t4`.`started`),
      INTERVAL (MOD(EXTRACT(dayofweek FROM `t4`.`started`) + 5, 7)) DAY
    ) AS `cohort`
  FROM (
    SELECT
      `t1`.`user_id`,
      MIN(`t1`.`ts`) AS `started`
    FROM (
      SELECT
        *
      FROM `events` AS `t0`
      WHERE
        `t0`.`event` = 'signup'
    ) AS `t1`
    GROUP BY
      1
  ) AS `t4`
  WHERE
    `t4`.`started` >= DATETIME('2024-03-04T00:00:00')
    AND `t4`.`started` < DATETIME('2024-03-18T00:00:00')
)
SELECT
  `t9`.`cohort`,
  `t9`.`cohort_size`,
  `t14`.`period`,
  `t14`.`users`
FROM (
  SELECT
    `t6`.`cohort`,
    COUNT(*) AS `cohort_size`
  FROM `t5` AS `t6`
  GROUP BY
    1
) AS `t9`
LEFT OUTER JOIN (
  SELECT
    `t12`.`cohort`,
    `t12`.`period`,
    COUNT(*) AS `users`
  FROM (
    SELECT
      `t11`.`user_id`,
      `t11`.`cohort`,
      MAX(`t11`.`period`) AS `period`
    FROM (
      SELECT DISTINCT
        `t10`.`user_id`,
        `t10`.`cohort`,
        DATE_SUB(DATE(`t10`.`ts`), INTERVAL (MOD(EXTRACT(dayofweek FROM `t10`.`ts`) + 5, 7)) DAY) AS `period`
      FROM (
        SELECT
          `t3`.`user_id`,
          `t3`.`ts`,
          `t3`.`event`,
          `t3`.`seq`,
          `t3`.`plan`,
          `t7`.`started`,
          `t7`.`cohort`
        FROM (
          SELECT
            *
          FROM `events` AS `t0`
          WHERE
            `t0`.`event` = 'purchase'
        ) AS `t3`
        INNER JOIN `t5` AS `t7`
          ON `t3`.`user_id` = `t7`.`user_id`
      ) AS `t10`
      WHERE
        `t10`.`ts` >= `t10`.`started` AND `t10`.`ts` < DATETIME('2024-03-18T00:00:00')
    ) AS `t11`
    GROUP BY
      1,
      2
  ) AS `t12`
  GROUP BY
    1,
    2
) AS `t14`
  ON `t9`.`cohort` = `t14`.`cohort`
