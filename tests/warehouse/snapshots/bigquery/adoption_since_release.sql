WITH `t1` AS (
  SELECT DISTINCT
    `t0`.`user_id`,
    DATE_SUB(DATE(`t0`.`ts`), INTERVAL (MOD(EXTRACT(dayofweek FROM `t0`.`ts`) + 5, 7)) DAY) AS `period`
  FROM `events` AS `t0`
  WHERE
    `t0`.`ts` >= DATETIME('2024-03-04T00:00:00')
    AND `t0`.`ts` < DATETIME('2024-03-18T00:00:00')
), `t2` AS (
  SELECT DISTINCT
    `t0`.`user_id`,
    DATE_SUB(DATE(`t0`.`ts`), INTERVAL (MOD(EXTRACT(dayofweek FROM `t0`.`ts`) + 5, 7)) DAY) AS `period`
  FROM `events` AS `t0`
  WHERE
    `t0`.`ts` >= DATETIME('2024-03-04T00:00:00')
    AND `t0`.`ts` < DATETIME('2024-03-18T00:00:00')
    AND `t0`.`event` = 'purchase'
)
SELECT
  *
FROM (
  SELECT
    *
  FROM (
    SELECT
      'active' AS `kind`,
      `t5`.`period`,
      `t5`.`users`
    FROM (
      SELECT
        `t3`.`period`,
        COUNT(*) AS `users`
      FROM `t1` AS `t3`
      GROUP BY
        1
    ) AS `t5`
  ) AS `t9`
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      'new_active' AS `kind`,
      `t11`.`period`,
      `t11`.`users`
    FROM (
      SELECT
        `t7`.`period`,
        COUNT(*) AS `users`
      FROM (
        SELECT
          `t3`.`user_id`,
          MIN(`t3`.`period`) AS `period`
        FROM `t1` AS `t3`
        GROUP BY
          1
      ) AS `t7`
      GROUP BY
        1
    ) AS `t11`
  ) AS `t13`
) AS `t15`
UNION ALL
SELECT
  *
FROM (
  SELECT
    *
  FROM (
    SELECT
      'adopters' AS `kind`,
      `t6`.`period`,
      `t6`.`users`
    FROM (
      SELECT
        `t4`.`period`,
        COUNT(*) AS `users`
      FROM `t2` AS `t4`
      GROUP BY
        1
    ) AS `t6`
  ) AS `t10`
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      'new_adopters' AS `kind`,
      `t12`.`period`,
      `t12`.`users`
    FROM (
      SELECT
        `t8`.`period`,
        COUNT(*) AS `users`
      FROM (
        SELECT
          `t4`.`user_id`,
          MIN(`t4`.`period`) AS `period`
        FROM `t2` AS `t4`
        GROUP BY
          1
      ) AS `t8`
      GROUP BY
        1
    ) AS `t12`
  ) AS `t14`
) AS `t16`
