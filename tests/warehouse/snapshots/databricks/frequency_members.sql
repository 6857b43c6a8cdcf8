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
      COUNT(*) AS `active_days`
    FROM (
      SELECT DISTINCT
        `t0`.`user_id`,
        CAST(`t0`.`ts` AS DATE) - CAST(CONCAT((
          DAYOFWEEK(`t0`.`ts`) + 5
        ) % 7, ' days') AS INTERVAL) AS `period`,
        CAST(`t0`.`ts` AS DATE) AS `day`
      FROM `events` AS `t0`
      WHERE
        `t0`.`ts` >= CAST('2024-03-04T00:00:00' AS TIMESTAMP)
        AND `t0`.`ts` < CAST('2024-03-18T00:00:00' AS TIMESTAMP)
    ) AS `t2`
    GROUP BY
      1,
      2
  ) AS `t3`
  WHERE
    `t3`.`active_days` >= 3 AND `t3`.`period` = MAKE_DATE(2024, 3, 11)
) AS `t5`
  ON `t1`.`user_id` = `t5`.`user_id`
