WITH `t6` AS (
  SELECT
    `t3`.`user_id`,
    `t3`.`started`,
    DATE_SUB(
      DATE(`t3`.`started`),
      INTERVAL (MOD(EXTRACT(dayofweek FROM `t3`.`started`) + 5, 7)) DAY
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
  ) AS `t3`
  WHERE
    `t3`.`started` >= DATETIME('2024-03-04T00:00:00')
    AND `t3`.`started` < DATETIME('2024-03-18T00:00:00')
)
SELECT
  `t10`.`cohort`,
  `t10`.`cohort_size`,
  `t15`.`period`,
  `t15`.`users`
FROM (
  SELECT
    `t7`.`cohort`,
    COUNT(*) AS `cohort_size`
  FROM `t6` AS `t7`
  GROUP BY
    1
) AS `t10`
LEFT OUTER JOIN (
  SELECT
    `t13`.`cohort`,
    `t13`.`period`,
    COUNT(*) AS `users`
  FROM (
    SELECT
      `t12`.`user_id`,
      `t12`.`cohort`,
      MAX(`t12`.`period`) AS `period`
    FROM (
      SELECT
        `t11`.`user_id`,
        `t11`.`cohort`,
        `t11`.`period`
      FROM (
        SELECT
          `t5`.`user_id`,
          `t5`.`period`,
          `t5`.`latest`,
          `t8`.`started`,
          `t8`.`cohort`
        FROM (
          SELECT
            `t2`.`user_id`,
            DATE_SUB(DATE(`t2`.`ts`), INTERVAL (MOD(EXTRACT(dayofweek FROM `t2`.`ts`) + 5, 7)) DAY) AS `period`,
            MAX(`t2`.`ts`) AS `latest`
          FROM (
            SELECT
              *
            FROM `events` AS `t0`
            WHERE
              `t0`.`event` = 'purchase' AND `t0`.`ts` < DATETIME('2024-03-18T00:00:00')
          ) AS `t2`
          GROUP BY
            1,
            2
        ) AS `t5`
        INNER JOIN `t6` AS `t8`
          ON `t5`.`user_id` = `t8`.`user_id`
      ) AS `t11`
      WHERE
        `t11`.`latest` >= `t11`.`started`
    ) AS `t12`
    GROUP BY
      1,
      2
  ) AS `t13`
  GROUP BY
    1,
    2
) AS `t15`
  ON `t10`.`cohort` = `t15`.`cohort`
