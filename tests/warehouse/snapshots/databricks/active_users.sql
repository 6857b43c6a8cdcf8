SELECT
  `t1`.`period`,
  COUNT(*) AS `active_users`
FROM (
  SELECT DISTINCT
    `t0`.`user_id`,
    CAST(`t0`.`ts` AS DATE) - CAST(CONCAT((
      DAYOFWEEK(`t0`.`ts`) + 5
    ) % 7, ' days') AS INTERVAL) AS `period`
  FROM `events` AS `t0`
  WHERE
    `t0`.`ts` >= CAST('2024-03-04T00:00:00' AS TIMESTAMP)
    AND `t0`.`ts` < CAST('2024-03-18T00:00:00' AS TIMESTAMP)
) AS `t1`
GROUP BY
  1
