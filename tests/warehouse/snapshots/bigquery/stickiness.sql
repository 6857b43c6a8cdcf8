WITH `t1` AS (
  SELECT DISTINCT
    `t0`.`user_id`,
    DATE(`t0`.`ts`) AS `day`
  FROM `events` AS `t0`
  WHERE
    `t0`.`ts` >= DATETIME('2024-03-04T00:00:00')
    AND `t0`.`ts` < DATETIME('2024-03-18T00:00:00')
)
SELECT
  `t5`.`month`,
  `t5`.`user_days`,
  `t7`.`mau`
FROM (
  SELECT
    DATE_TRUNC(`t2`.`day`, MONTH) AS `month`,
    COUNT(*) AS `user_days`
  FROM `t1` AS `t2`
  GROUP BY
    1
) AS `t5`
INNER JOIN (
  SELECT
    `t4`.`month`,
    COUNT(*) AS `mau`
  FROM (
    SELECT DISTINCT
      `t2`.`user_id`,
      DATE_TRUNC(`t2`.`day`, MONTH) AS `month`
    FROM `t1` AS `t2`
  ) AS `t4`
  GROUP BY
    1
) AS `t7`
  ON `t5`.`month` = `t7`.`month`
