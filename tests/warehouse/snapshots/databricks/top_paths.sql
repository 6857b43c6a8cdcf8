WITH `t4` AS (
  SELECT
    `t3`.`step_1`,
    `t3`.`step_2`,
    `t3`.`step_3`,
    `t3`.`count`,
    SUM(`t3`.`count`) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS `total`
  FROM (
    SELECT
      `t2`.`step_1`,
      `t2`.`step_2`,
      `t2`.`step_3`,
      COUNT(*) AS `count`
    FROM (
      SELECT
        *
      FROM (
        SELECT
          `t0`.`user_id`,
          `t0`.`ts`,
          `t0`.`event`,
          `t0`.`seq`,
          `t0`.`plan`,
          LEAD(`t0`.`event`, 1) OVER (
            PARTITION BY `t0`.`user_id`
            ORDER BY `t0`.`ts` ASC NULLS LAST, `t0`.`seq` ASC NULLS LAST
          ) AS `step_1`,
          LEAD(`t0`.`event`, 2) OVER (
            PARTITION BY `t0`.`user_id`
            ORDER BY `t0`.`ts` ASC NULLS LAST, `t0`.`seq` ASC NULLS LAST
          ) AS `step_2`,
          LEAD(`t0`.`event`, 3) OVER (
            PARTITION BY `t0`.`user_id`
            ORDER BY `t0`.`ts` ASC NULLS LAST, `t0`.`seq` ASC NULLS LAST
          ) AS `step_3`
        FROM `events` AS `t0`
      ) AS `t1`
      WHERE
        `t1`.`event` = 'view'
        AND `t1`.`ts` >= CAST('2024-03-04T00:00:00' AS TIMESTAMP)
        AND `t1`.`ts` < CAST('2024-03-18T00:00:00' AS TIMESTAMP)
    ) AS `t2`
    GROUP BY
      1,
      2,
      3
  ) AS `t3`
)
SELECT
  *
FROM `t4` AS `t5`
WHERE
  `t5`.`count` >= (
    SELECT
      MIN(`t7`.`count`) AS `Min(count)`
    FROM (
      SELECT
        *
      FROM (
        SELECT
          `t5`.`step_1`,
          `t5`.`step_2`,
          `t5`.`step_3`,
          `t5`.`count`,
          `t5`.`total`,
          ROW_NUMBER() OVER (ORDER BY `t5`.`count` DESC) - 1 AS `place`
        FROM `t4` AS `t5`
      ) AS `t6`
      WHERE
        `t6`.`place` < 20
    ) AS `t7`
  )
