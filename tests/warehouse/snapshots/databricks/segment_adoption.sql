SELECT
  `t14`.`segment`,
  `t14`.`event`,
  COUNT(*) AS `users`
FROM (
  SELECT
    `t13`.`segment`,
    `t9`.`event`
  FROM (
    SELECT
      `t11`.`user_id`,
      IF(
        (
          `t11`.`plan` IS NULL
        ) OR (
          TRIM(' \t\n\r\v\f' FROM `t11`.`plan`) = ''
        ),
        '(missing)',
        `t11`.`plan`
      ) AS `segment`
    FROM (
      SELECT
        `t10`.`user_id`,
        `t10`.`ts`,
        `t10`.`event`,
        `t10`.`seq`,
        `t10`.`plan`,
        ROW_NUMBER() OVER (
          PARTITION BY `t10`.`user_id`
          ORDER BY `t10`.`ts` ASC NULLS LAST, `t10`.`seq` ASC NULLS LAST
        ) - 1 AS `rank`
      FROM (
        SELECT
          `t1`.`user_id`,
          `t1`.`ts`,
          `t1`.`event`,
          `t1`.`seq`,
          `t1`.`plan`
        FROM `events` AS `t1`
        LEFT SEMI JOIN (
          SELECT
            `t0`.`user_id`,
            MIN(`t0`.`ts`) AS `at`
          FROM `events` AS `t0`
          GROUP BY
            1
        ) AS `t5`
          ON `t1`.`user_id` = `t5`.`user_id` AND `t1`.`ts` = `t5`.`at`
      ) AS `t10`
    ) AS `t11`
    WHERE
      `t11`.`rank` = 0
  ) AS `t13`
  LEFT OUTER JOIN (
    SELECT
      *
    FROM (
      SELECT
        `t2`.`user_id`,
        `t2`.`event`
      FROM (
        SELECT DISTINCT
          `t0`.`event`,
          `t0`.`user_id`
        FROM `events` AS `t0`
        WHERE
          `t0`.`ts` >= CAST('2024-03-04T00:00:00' AS TIMESTAMP)
          AND `t0`.`ts` < CAST('2024-03-18T00:00:00' AS TIMESTAMP)
          AND `t0`.`event` IN ('purchase')
      ) AS `t2`
    ) AS `t6`
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        `t3`.`user_id`,
        '' AS `event`
      FROM (
        SELECT DISTINCT
          `t0`.`user_id`
        FROM `events` AS `t0`
        WHERE
          `t0`.`ts` >= CAST('2024-03-04T00:00:00' AS TIMESTAMP)
          AND `t0`.`ts` < CAST('2024-03-18T00:00:00' AS TIMESTAMP)
      ) AS `t3`
    ) AS `t7`
  ) AS `t9`
    ON `t13`.`user_id` = `t9`.`user_id`
) AS `t14`
GROUP BY
  1,
  2
