SELECT
  `t1`.`user_id`,
  `t1`.`ts`,
  `t1`.`event`,
  `t1`.`seq`,
  `t1`.`plan`
FROM `events` AS `t1`
WHERE
  EXISTS(
    SELECT
      1
    FROM (
      SELECT DISTINCT
        `t5`.`user_id`
      FROM (
        SELECT
          `t4`.`user_id`,
          `t4`.`ends`,
          `t4`.`ts` AS `ended`,
          IF(
            `t4`.`starts`,
            `t4`.`ts`,
            LAG(`t4`.`ts`) OVER (PARTITION BY `t4`.`user_id` ORDER BY `t4`.`position` ASC)
          ) AS `started`,
          (
            `t4`.`position` - IF(
              `t4`.`starts`,
              `t4`.`position`,
              LAG(`t4`.`position`) OVER (PARTITION BY `t4`.`user_id` ORDER BY `t4`.`position` ASC)
            )
          ) + 1 AS `events`
        FROM (
          SELECT
            *
          FROM (
            SELECT
              `t2`.`user_id`,
              `t2`.`ts`,
              `t2`.`position`,
              (
                `t2`.`before` IS NULL
              )
              OR (
                DATETIME_DIFF(`t2`.`ts`, `t2`.`before`, MICROSECOND) > 1800000000
              ) AS `starts`,
              (
                `t2`.`after` IS NULL
              )
              OR (
                DATETIME_DIFF(`t2`.`after`, `t2`.`ts`, MICROSECOND) > 1800000000
              ) AS `ends`
            FROM (
              SELECT
                `t0`.`user_id`,
                `t0`.`ts`,
                LAG(`t0`.`ts`) OVER (PARTITION BY `t0`.`user_id` ORDER BY `t0`.`ts` ASC) AS `before`,
                LEAD(`t0`.`ts`) OVER (PARTITION BY `t0`.`user_id` ORDER BY `t0`.`ts` ASC) AS `after`,
                ROW_NUMBER() OVER (PARTITION BY `t0`.`user_id` ORDER BY `t0`.`ts` ASC) - 1 AS `position`
              FROM `events` AS `t0`
            ) AS `t2`
          ) AS `t3`
          WHERE
            `t3`.`starts` OR `t3`.`ends`
        ) AS `t4`
      ) AS `t5`
      WHERE
        `t5`.`ends`
        AND `t5`.`started` >= DATETIME('2024-03-04T00:00:00')
        AND `t5`.`started` < DATETIME('2024-03-18T00:00:00')
    ) AS `t7`
    WHERE
      `t1`.`user_id` = `t7`.`user_id`
  )
