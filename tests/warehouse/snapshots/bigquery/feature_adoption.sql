SELECT
  `t2`.`event`,
  `t2`.`rows`,
  COALESCE(`t7`.`users`, 0) AS `users`,
  `t8`.`active_users`
FROM (
  SELECT
    `t0`.`event`,
    COUNT(*) AS `rows`
  FROM `events` AS `t0`
  GROUP BY
    1
) AS `t2`
LEFT OUTER JOIN (
  SELECT
    `t3`.`event`,
    COUNT(*) AS `users`
  FROM (
    SELECT DISTINCT
      `t0`.`event`,
      `t0`.`user_id`
    FROM `events` AS `t0`
    WHERE
      `t0`.`ts` >= DATETIME('2024-03-04T00:00:00')
      AND `t0`.`ts` < DATETIME('2024-03-18T00:00:00')
  ) AS `t3`
  GROUP BY
    1
) AS `t7`
  ON `t2`.`event` = `t7`.`event`
CROSS JOIN (
  SELECT
    COUNT(*) AS `active_users`
  FROM (
    SELECT DISTINCT
      `t0`.`user_id`
    FROM `events` AS `t0`
    WHERE
      `t0`.`ts` >= DATETIME('2024-03-04T00:00:00')
      AND `t0`.`ts` < DATETIME('2024-03-18T00:00:00')
  ) AS `t4`
) AS `t8`
