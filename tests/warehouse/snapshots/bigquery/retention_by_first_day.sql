SELECT
  `t8`.`day`,
  COUNT(*) AS `users`,
  SUM(IF(`t8`.`days_back` > 0, 1, 0)) AS `retained`
FROM (
  SELECT
    `t7`.`user_id`,
    `t7`.`day`,
    COUNT(`t7`.`seen`) AS `days_back`
  FROM (
    SELECT
      `t6`.`user_id`,
      `t6`.`day`,
      `t3`.`uid`,
      `t3`.`seen`
    FROM (
      SELECT
        `t4`.`user_id`,
        DATE(`t4`.`started`) AS `day`
      FROM (
        SELECT
          `t2`.`user_id`,
          MIN(`t2`.`ts`) AS `started`
        FROM (
          SELECT
            *
          FROM `events` AS `t0`
          WHERE
            `t0`.`event` = 'signup'
        ) AS `t2`
        GROUP BY
          1
      ) AS `t4`
      WHERE
        `t4`.`started` < DATETIME('2024-03-05T00:00:00')
    ) AS `t6`
    LEFT OUTER JOIN (
      SELECT DISTINCT
        `t0`.`user_id` AS `uid`,
        DATE(`t0`.`ts`) AS `seen`
      FROM `events` AS `t0`
    ) AS `t3`
      ON `t6`.`user_id` = `t3`.`uid`
      AND `t3`.`seen` >= DATE_ADD(`t6`.`day`, INTERVAL '7' DAY)
      AND `t3`.`seen` < DATE_ADD(`t6`.`day`, INTERVAL '14' DAY)
  ) AS `t7`
  GROUP BY
    1,
    2
) AS `t8`
GROUP BY
  1
