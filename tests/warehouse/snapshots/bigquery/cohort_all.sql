SELECT
  *
FROM (
  SELECT
    *
  FROM (
    SELECT
      `t17`.`user_id`
    FROM (
      SELECT
        `t4`.`user_id`,
        IF(
          (
            `t13`.`value` IS NULL
          ) OR (
            TRIM(`t13`.`value`, ' \t\n\r\v\f') = ''
          ),
          '(missing)',
          `t13`.`value`
        ) AS `segment`
      FROM (
        SELECT DISTINCT
          `t0`.`user_id`
        FROM `events` AS `t0`
      ) AS `t4`
      LEFT OUTER JOIN (
        SELECT
          `t8`.`user_id`,
          `t8`.`tier` AS `value`
        FROM (
          SELECT
            `t1`.`user_id`,
            `t1`.`seq`,
            `t1`.`tier`,
            ROW_NUMBER() OVER (PARTITION BY `t1`.`user_id` ORDER BY `t1`.`seq` DESC) - 1 AS `rank`
          FROM `customers` AS `t1`
        ) AS `t8`
        WHERE
          `t8`.`rank` = 0
      ) AS `t13`
        ON `t4`.`user_id` = `t13`.`user_id`
    ) AS `t17`
    WHERE
      `t17`.`segment` IN ('gold', '(missing)')
  ) AS `t18`
  INTERSECT DISTINCT
  SELECT
    *
  FROM (
    SELECT
      `t15`.`user_id`
    FROM (
      SELECT
        `t4`.`user_id`,
        COALESCE(`t10`.`n`, 0) AS `n`
      FROM (
        SELECT DISTINCT
          `t0`.`user_id`
        FROM `events` AS `t0`
      ) AS `t4`
      LEFT OUTER JOIN (
        SELECT
          `t6`.`user_id`,
          COUNT(*) AS `n`
        FROM (
          SELECT
            *
          FROM `events` AS `t0`
          WHERE
            `t0`.`event` = 'purchase'
            AND `t0`.`ts` >= DATETIME('2024-03-04T00:00:00')
            AND `t0`.`ts` < DATETIME('2024-03-18T00:00:00')
        ) AS `t6`
        GROUP BY
          1
      ) AS `t10`
        ON `t4`.`user_id` = `t10`.`user_id`
    ) AS `t15`
    WHERE
      `t15`.`n` >= 0 AND `t15`.`n` <= 2
  ) AS `t16`
) AS `t19`
INTERSECT DISTINCT
SELECT
  *
FROM (
  SELECT
    *
  FROM (
    SELECT
      `t9`.`user_id`
    FROM (
      SELECT
        `t5`.`user_id`,
        MIN(`t5`.`ts`) AS `first`
      FROM (
        SELECT
          *
        FROM `events` AS `t0`
        WHERE
          `t0`.`event` = 'signup'
      ) AS `t5`
      GROUP BY
        1
    ) AS `t9`
    WHERE
      `t9`.`first` >= DATETIME('2024-03-04T00:00:00')
      AND `t9`.`first` < DATETIME('2024-03-18T00:00:00')
  ) AS `t12`
  INTERSECT DISTINCT
  SELECT
    *
  FROM (
    SELECT DISTINCT
      `t0`.`user_id`
    FROM `events` AS `t0`
    WHERE
      `t0`.`user_id` IN ('007', '7')
  ) AS `t3`
) AS `t14`
