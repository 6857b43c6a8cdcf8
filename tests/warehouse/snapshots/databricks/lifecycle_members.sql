SELECT
  `t1`.`user_id`,
  `t1`.`ts`,
  `t1`.`event`,
  `t1`.`seq`,
  `t1`.`plan`
FROM `events` AS `t1`
LEFT SEMI JOIN (
  SELECT
    `t3`.`user_id`
  FROM (
    SELECT
      `t2`.`user_id`,
      `t2`.`period`,
      LAG(`t2`.`period`) OVER (PARTITION BY `t2`.`user_id` ORDER BY `t2`.`period` ASC NULLS LAST) AS `previous`,
      LEAD(`t2`.`period`) OVER (PARTITION BY `t2`.`user_id` ORDER BY `t2`.`period` ASC NULLS LAST) AS `following`
    FROM (
      SELECT DISTINCT
        `t0`.`user_id`,
        CAST(`t0`.`ts` AS DATE) - CAST(CONCAT((
          DAYOFWEEK(`t0`.`ts`) + 5
        ) % 7, ' days') AS INTERVAL) AS `period`
      FROM `events` AS `t0`
    ) AS `t2`
  ) AS `t3`
  WHERE
    `t3`.`period` = MAKE_DATE(2024, 3, 11)
    AND `t3`.`previous` IS NOT NULL
    AND `t3`.`previous` <> MAKE_DATE(2024, 3, 4)
) AS `t5`
  ON `t1`.`user_id` = `t5`.`user_id`
