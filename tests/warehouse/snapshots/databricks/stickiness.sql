WITH `t1` AS (
  SELECT DISTINCT
    `t0`.`user_id`,
    CAST(`t0`.`ts` AS DATE) AS `day`
  FROM `events` AS `t0`
  WHERE
    `t0`.`ts` >= CAST('2024-03-04T00:00:00' AS TIMESTAMP)
    AND `t0`.`ts` < CAST('2024-03-18T00:00:00' AS TIMESTAMP)
)
SELECT
  `t5`.`month`,
  `t5`.`user_days`,
  `t7`.`mau`
FROM (
  SELECT
    DATE_TRUNC('month', `t2`.`day`) AS `month`,
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
      DATE_TRUNC('month', `t2`.`day`) AS `month`
    FROM `t1` AS `t2`
  ) AS `t4`
  GROUP BY
    1
) AS `t7`
  ON `t5`.`month` = `t7`.`month`
