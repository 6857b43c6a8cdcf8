SELECT
  `t2`.`period`,
  `t2`.`active_days`,
  COUNT(*) AS `users`
FROM (
  SELECT
    `t1`.`user_id`,
    `t1`.`period`,
    COUNT(*) AS `active_days`
  FROM (
    SELECT DISTINCT
      `t0`.`user_id`,
      DATE_TRUNC(DATE(`t0`.`ts`), MONTH) AS `period`,
      DATE(`t0`.`ts`) AS `day`
    FROM `events` AS `t0`
    WHERE
      `t0`.`ts` >= DATETIME('2024-03-04T00:00:00')
      AND `t0`.`ts` < DATETIME('2024-03-18T00:00:00')
  ) AS `t1`
  GROUP BY
    1,
    2
) AS `t2`
GROUP BY
  1,
  2
