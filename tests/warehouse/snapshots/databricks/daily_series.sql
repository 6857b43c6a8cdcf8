SELECT
  CAST(`t1`.`ts` AS DATE) AS `day`,
  COUNT(*) AS `events`
FROM (
  SELECT
    *
  FROM `events` AS `t0`
  WHERE
    `t0`.`event` = 'purchase'
    AND `t0`.`ts` >= CAST('2024-03-04T00:00:00' AS TIMESTAMP)
    AND `t0`.`ts` < CAST('2024-03-18T00:00:00' AS TIMESTAMP)
) AS `t1`
GROUP BY
  1
