SELECT
  `t6`.`month`,
  `t6`.`user_days`,
  `t5`.`mau`
FROM (
  SELECT
    DATE_TRUNC(`t1`.`day`, MONTH) AS `month`,
    COUNT(*) AS `user_days`
  FROM (
    SELECT DISTINCT
      `t0`.`user_id`,
      DATE(`t0`.`ts`) AS `day`
    FROM `events` AS `t0`
    WHERE
      `t0`.`ts` >= DATETIME('2024-03-04T00:00:00')
      AND `t0`.`ts` < DATETIME('2024-03-18T00:00:00')
  ) AS `t1`
  GROUP BY
    1
) AS `t6`
INNER JOIN (
  SELECT
    `t2`.`period` AS `month`,
    COUNT(*) AS `mau`
  FROM (
    SELECT DISTINCT
      `t0`.`user_id`,
      DATE_TRUNC(DATE(`t0`.`ts`), MONTH) AS `period`
    FROM `events` AS `t0`
    WHERE
      `t0`.`ts` >= DATETIME('2024-03-04T00:00:00')
      AND `t0`.`ts` < DATETIME('2024-03-18T00:00:00')
  ) AS `t2`
  GROUP BY
    1
) AS `t5`
  ON `t6`.`month` = `t5`.`month`
