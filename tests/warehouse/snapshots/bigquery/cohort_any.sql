SELECT
  *
FROM (
  SELECT
    `t9`.`user_id`
  FROM (
    SELECT
      `t2`.`user_id`,
      COALESCE(`t7`.`n`, 0) AS `n`
    FROM (
      SELECT DISTINCT
        `t0`.`user_id`
      FROM `events` AS `t0`
    ) AS `t2`
    LEFT OUTER JOIN (
      SELECT
        `t4`.`user_id`,
        COUNT(*) AS `n`
      FROM (
        SELECT
          *
        FROM `events` AS `t0`
        WHERE
          `t0`.`event` = 'purchase'
          AND `t0`.`ts` >= DATETIME('2024-03-04T00:00:00')
          AND `t0`.`ts` < DATETIME('2024-03-18T00:00:00')
      ) AS `t4`
      GROUP BY
        1
    ) AS `t7`
      ON `t2`.`user_id` = `t7`.`user_id`
  ) AS `t9`
  WHERE
    `t9`.`n` >= 0 AND `t9`.`n` <= 2
) AS `t10`
UNION DISTINCT
SELECT
  *
FROM (
  SELECT
    `t6`.`user_id`
  FROM (
    SELECT
      `t3`.`user_id`,
      MIN(`t3`.`ts`) AS `first`
    FROM (
      SELECT
        *
      FROM `events` AS `t0`
      WHERE
        `t0`.`event` = 'signup'
    ) AS `t3`
    GROUP BY
      1
  ) AS `t6`
  WHERE
    `t6`.`first` >= DATETIME('2024-03-04T00:00:00')
    AND `t6`.`first` < DATETIME('2024-03-18T00:00:00')
) AS `t8`
