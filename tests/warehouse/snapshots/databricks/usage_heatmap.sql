SELECT
  `t1`.`weekday`,
  `t1`.`hour`,
  COUNT(*) AS `value`
FROM (
  SELECT DISTINCT
    `t0`.`user_id`,
    (
      DAYOFWEEK(`t0`.`ts`) + 5
    ) % 7 AS `weekday`,
    EXTRACT(hour FROM `t0`.`ts`) AS `hour`
  FROM `events` AS `t0`
  WHERE
    `t0`.`ts` >= CAST('2024-03-04T00:00:00' AS TIMESTAMP)
    AND `t0`.`ts` < CAST('2024-03-18T00:00:00' AS TIMESTAMP)
) AS `t1`
GROUP BY
  1,
  2
