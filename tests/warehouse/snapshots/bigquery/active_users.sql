SELECT
  `t1`.`period`,
  COUNT(*) AS `active_users`
FROM (
  SELECT DISTINCT
    `t0`.`user_id`,
    DATE_SUB(DATE(`t0`.`ts`), INTERVAL (MOD(EXTRACT(dayofweek FROM `t0`.`ts`) + 5, 7)) DAY) AS `period`
  FROM `events` AS `t0`
  WHERE
    `t0`.`ts` >= DATETIME('2024-03-04T00:00:00')
    AND `t0`.`ts` < DATETIME('2024-03-18T00:00:00')
) AS `t1`
GROUP BY
  1
