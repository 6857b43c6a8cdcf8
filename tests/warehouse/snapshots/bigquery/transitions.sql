SELECT
  CASE `t4`.`from_event`
    WHEN 0
    THEN 'cart'
    WHEN 1
    THEN 'purchase'
    WHEN 2
    THEN 'view'
    ELSE NULL
  END AS `from_event`,
  CASE `t4`.`to_event`
    WHEN 0
    THEN 'cart'
    WHEN 1
    THEN 'purchase'
    WHEN 2
    THEN 'view'
    ELSE NULL
  END AS `to_event`,
  `t4`.`count`
FROM (
  SELECT
    `t3`.`from_event`,
    `t3`.`to_event`,
    COUNT(*) AS `count`
  FROM (
    SELECT
      *
    FROM (
      SELECT
        `t1`.`event` AS `from_event`,
        LEAD(`t1`.`event`) OVER (PARTITION BY `t1`.`user_id` ORDER BY `t1`.`ts` ASC, `t1`.`seq` ASC) AS `to_event`
      FROM (
        SELECT
          `t0`.`user_id`,
          `t0`.`ts`,
          CASE `t0`.`event`
            WHEN 'cart'
            THEN 0
            WHEN 'purchase'
            THEN 1
            WHEN 'view'
            THEN 2
            ELSE NULL
          END AS `event`,
          `t0`.`seq`,
          `t0`.`plan`
        FROM `events` AS `t0`
        WHERE
          `t0`.`ts` >= DATETIME('2024-03-04T00:00:00')
          AND `t0`.`ts` < DATETIME('2024-03-18T00:00:00')
      ) AS `t1`
    ) AS `t2`
    WHERE
      `t2`.`to_event` IS NOT NULL
  ) AS `t3`
  GROUP BY
    1,
    2
) AS `t4`
