WITH `t3` AS (
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
)
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
        `t9`.`user_id`
      FROM (
        SELECT
          *
        FROM (
          SELECT
            `t4`.`user_id`,
            `t4`.`ts` AS `started`,
            `t4`.`ts` AS `ended`,
            1 AS `events`
          FROM `t3` AS `t4`
          WHERE
            (
              `t4`.`starts` OR `t4`.`ends`
            ) AND `t4`.`starts` AND `t4`.`ends`
        ) AS `t5`
        UNION ALL
        SELECT
          *
        FROM (
          SELECT
            `t7`.`user_id`,
            `t7`.`started`,
            `t7`.`ended`,
            `t7`.`events`
          FROM (
            SELECT
              `t6`.`user_id`,
              `t6`.`ends`,
              LAG(`t6`.`ts`) OVER (PARTITION BY `t6`.`user_id` ORDER BY `t6`.`position` ASC) AS `started`,
              `t6`.`ts` AS `ended`,
              (
                `t6`.`position` - LAG(`t6`.`position`) OVER (PARTITION BY `t6`.`user_id` ORDER BY `t6`.`position` ASC)
              ) + 1 AS `events`
            FROM (
              SELECT
                *
              FROM `t3` AS `t4`
              WHERE
                (
                  `t4`.`starts` OR `t4`.`ends`
                ) AND `t4`.`starts` <> `t4`.`ends`
            ) AS `t6`
          ) AS `t7`
          WHERE
            `t7`.`ends`
        ) AS `t8`
      ) AS `t9`
      WHERE
        `t9`.`started` >= DATETIME('2024-03-04T00:00:00')
        AND `t9`.`started` < DATETIME('2024-03-18T00:00:00')
    ) AS `t11`
    WHERE
      `t1`.`user_id` = `t11`.`user_id`
  )
