WITH `t5` AS (
  SELECT
    `t4`.`step_1`,
    `t4`.`step_2`,
    `t4`.`step_3`,
    `t4`.`count`,
    SUM(`t4`.`count`) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS `total`
  FROM (
    SELECT
      `t3`.`step_1`,
      `t3`.`step_2`,
      `t3`.`step_3`,
      COUNT(*) AS `count`
    FROM (
      SELECT
        *
      FROM (
        SELECT
          `t1`.`user_id`,
          `t1`.`ts`,
          `t1`.`event`,
          `t1`.`seq`,
          `t1`.`plan`,
          `t1`.`__event_code`,
          LEAD(`t1`.`__event_code`, 1) OVER (PARTITION BY `t1`.`user_id` ORDER BY `t1`.`ts` ASC, `t1`.`seq` ASC) AS `step_1`,
          LEAD(`t1`.`__event_code`, 2) OVER (PARTITION BY `t1`.`user_id` ORDER BY `t1`.`ts` ASC, `t1`.`seq` ASC) AS `step_2`,
          LEAD(`t1`.`__event_code`, 3) OVER (PARTITION BY `t1`.`user_id` ORDER BY `t1`.`ts` ASC, `t1`.`seq` ASC) AS `step_3`
        FROM (
          SELECT
            `t0`.`user_id`,
            `t0`.`ts`,
            `t0`.`event`,
            `t0`.`seq`,
            `t0`.`plan`,
            CASE `t0`.`event`
              WHEN 'view'
              THEN 0
              WHEN 'cart'
              THEN 1
              WHEN 'purchase'
              THEN 2
              ELSE NULL
            END AS `__event_code`
          FROM `events` AS `t0`
        ) AS `t1`
      ) AS `t2`
      WHERE
        `t2`.`__event_code` = 0
        AND `t2`.`ts` >= DATETIME('2024-03-04T00:00:00')
        AND `t2`.`ts` < DATETIME('2024-03-18T00:00:00')
    ) AS `t3`
    GROUP BY
      1,
      2,
      3
  ) AS `t4`
)
SELECT
  CASE `t6`.`step_1`
    WHEN 0
    THEN 'view'
    WHEN 1
    THEN 'cart'
    WHEN 2
    THEN 'purchase'
    ELSE NULL
  END AS `step_1`,
  CASE `t6`.`step_2`
    WHEN 0
    THEN 'view'
    WHEN 1
    THEN 'cart'
    WHEN 2
    THEN 'purchase'
    ELSE NULL
  END AS `step_2`,
  CASE `t6`.`step_3`
    WHEN 0
    THEN 'view'
    WHEN 1
    THEN 'cart'
    WHEN 2
    THEN 'purchase'
    ELSE NULL
  END AS `step_3`,
  `t6`.`count`,
  `t6`.`total`
FROM `t5` AS `t6`
WHERE
  `t6`.`count` >= (
    SELECT
      MIN(`t8`.`count`) AS `Min_count`
    FROM (
      SELECT
        *
      FROM (
        SELECT
          `t6`.`step_1`,
          `t6`.`step_2`,
          `t6`.`step_3`,
          `t6`.`count`,
          `t6`.`total`,
          ROW_NUMBER() OVER (ORDER BY `t6`.`count` DESC) - 1 AS `place`
        FROM `t5` AS `t6`
      ) AS `t7`
      WHERE
        `t7`.`place` < 20
    ) AS `t8`
  )
