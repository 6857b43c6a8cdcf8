SELECT
  `t12`.`step_0`,
  `t12`.`step_1`,
  `t12`.`step_2`,
  `t12`.`step_3`,
  `t12`.`users`,
  `t12`.`journeys`,
  `t12`.`place` IS NULL AS `folded`
FROM (
  SELECT
    IF(`t11`.`rank` < 10, `t11`.`rank`, CAST(NULL AS INT64)) AS `place`,
    IF(`t11`.`rank` < 10, `t11`.`step_0`, `t11`.`step_0`) AS `step_0`,
    IF(
      `t11`.`rank` < 10,
      `t11`.`step_1`,
      CASE
        WHEN TRUE
        AND (
          `t11`.`step_0` <> '(ended)'
        )
        AND (
          `t11`.`on_1` OR (
            `t11`.`step_1` = '(ended)'
          )
        )
        THEN `t11`.`step_1`
        WHEN TRUE AND (
          `t11`.`step_0` <> '(ended)'
        )
        THEN 'Other'
        ELSE CAST(NULL AS STRING)
      END
    ) AS `step_1`,
    IF(
      `t11`.`rank` < 10,
      `t11`.`step_2`,
      CASE
        WHEN TRUE
        AND (
          `t11`.`step_0` <> '(ended)'
        )
        AND `t11`.`on_1`
        AND (
          `t11`.`step_1` <> '(ended)'
        )
        AND (
          `t11`.`on_2` OR (
            `t11`.`step_2` = '(ended)'
          )
        )
        THEN `t11`.`step_2`
        WHEN TRUE
        AND (
          `t11`.`step_0` <> '(ended)'
        )
        AND `t11`.`on_1`
        AND (
          `t11`.`step_1` <> '(ended)'
        )
        THEN 'Other'
        ELSE CAST(NULL AS STRING)
      END
    ) AS `step_2`,
    IF(
      `t11`.`rank` < 10,
      `t11`.`step_3`,
      CASE
        WHEN TRUE
        AND (
          `t11`.`step_0` <> '(ended)'
        )
        AND `t11`.`on_1`
        AND (
          `t11`.`step_1` <> '(ended)'
        )
        AND `t11`.`on_2`
        AND (
          `t11`.`step_2` <> '(ended)'
        )
        AND (
          `t11`.`on_3` OR (
            `t11`.`step_3` = '(ended)'
          )
        )
        THEN `t11`.`step_3`
        WHEN TRUE
        AND (
          `t11`.`step_0` <> '(ended)'
        )
        AND `t11`.`on_1`
        AND (
          `t11`.`step_1` <> '(ended)'
        )
        AND `t11`.`on_2`
        AND (
          `t11`.`step_2` <> '(ended)'
        )
        THEN 'Other'
        ELSE CAST(NULL AS STRING)
      END
    ) AS `step_3`,
    SUM(`t11`.`users`) AS `users`,
    COUNT(*) AS `journeys`
  FROM (
    SELECT
      `t10`.`step_0`,
      `t10`.`step_1`,
      `t10`.`step_2`,
      `t10`.`step_3`,
      `t10`.`users`,
      `t10`.`rank`,
      MIN(`t10`.`rank`) OVER (
        PARTITION BY `t10`.`step_0`, `t10`.`step_1`
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
      ) < 10 AS `on_1`,
      MIN(`t10`.`rank`) OVER (
        PARTITION BY `t10`.`step_0`, `t10`.`step_1`, `t10`.`step_2`
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
      ) < 10 AS `on_2`,
      MIN(`t10`.`rank`) OVER (
        PARTITION BY `t10`.`step_0`, `t10`.`step_1`, `t10`.`step_2`, `t10`.`step_3`
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
      ) < 10 AS `on_3`
    FROM (
      SELECT
        COALESCE(`t9`.`step_0`, '(ended)') AS `step_0`,
        COALESCE(`t9`.`step_1`, '(ended)') AS `step_1`,
        COALESCE(`t9`.`step_2`, '(ended)') AS `step_2`,
        COALESCE(`t9`.`step_3`, '(ended)') AS `step_3`,
        `t9`.`users`,
        ROW_NUMBER() OVER (
          ORDER BY `t9`.`users` DESC, COALESCE(`t9`.`step_0`, '(ended)') ASC, COALESCE(`t9`.`step_1`, '(ended)') ASC, COALESCE(`t9`.`step_2`, '(ended)') ASC, COALESCE(`t9`.`step_3`, '(ended)') ASC
        ) - 1 AS `rank`
      FROM (
        SELECT
          `t8`.`step_0`,
          `t8`.`step_1`,
          `t8`.`step_2`,
          `t8`.`step_3`,
          COUNT(*) AS `users`
        FROM (
          SELECT
            *
          FROM (
            SELECT
              `t6`.`user_id`,
              `t6`.`ts`,
              `t6`.`event`,
              `t6`.`seq`,
              `t6`.`plan`,
              `t6`.`touchpoint`,
              `t6`.`step_0`,
              `t6`.`step_1`,
              `t6`.`step_2`,
              `t6`.`step_3`,
              ROW_NUMBER() OVER (PARTITION BY `t6`.`user_id` ORDER BY `t6`.`ts` ASC, `t6`.`seq` ASC) - 1 AS `arrival_rank`
            FROM (
              SELECT
                *
              FROM (
                SELECT
                  `t4`.`user_id`,
                  `t4`.`ts`,
                  `t4`.`event`,
                  `t4`.`seq`,
                  `t4`.`plan`,
                  `t4`.`touchpoint`,
                  `t4`.`touchpoint` AS `step_0`,
                  LEAD(`t4`.`touchpoint`, 1) OVER (PARTITION BY `t4`.`user_id` ORDER BY `t4`.`ts` ASC, `t4`.`seq` ASC) AS `step_1`,
                  LEAD(`t4`.`touchpoint`, 2) OVER (PARTITION BY `t4`.`user_id` ORDER BY `t4`.`ts` ASC, `t4`.`seq` ASC) AS `step_2`,
                  LEAD(`t4`.`touchpoint`, 3) OVER (PARTITION BY `t4`.`user_id` ORDER BY `t4`.`ts` ASC, `t4`.`seq` ASC) AS `step_3`
                FROM (
                  SELECT
                    `t3`.*
                    EXCEPT (`previous_touchpoint`)
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
                        `t1`.`touchpoint`,
                        LAG(`t1`.`touchpoint`) OVER (PARTITION BY `t1`.`user_id` ORDER BY `t1`.`ts` ASC, `t1`.`seq` ASC) AS `previous_touchpoint`
                      FROM (
                        SELECT
                          `t0`.`user_id`,
                          `t0`.`ts`,
                          `t0`.`event`,
                          `t0`.`seq`,
                          `t0`.`plan`,
                          CASE `t0`.`event`
                            WHEN 'view_home'
                            THEN 'Views'
                            WHEN 'view_plans'
                            THEN 'Views'
                            ELSE `t0`.`event`
                          END AS `touchpoint`
                        FROM `events` AS `t0`
                      ) AS `t1`
                    ) AS `t2`
                    WHERE
                      (
                        `t2`.`previous_touchpoint` IS NULL
                      )
                      OR (
                        `t2`.`previous_touchpoint` <> `t2`.`touchpoint`
                      )
                  ) AS `t3`
                ) AS `t4`
              ) AS `t5`
              WHERE
                `t5`.`touchpoint` = 'Views'
                AND `t5`.`ts` >= DATETIME('2024-03-04T00:00:00')
                AND `t5`.`ts` < DATETIME('2024-03-18T00:00:00')
            ) AS `t6`
          ) AS `t7`
          WHERE
            `t7`.`arrival_rank` = 0
        ) AS `t8`
        GROUP BY
          1,
          2,
          3,
          4
      ) AS `t9`
    ) AS `t10`
  ) AS `t11`
  GROUP BY
    1,
    2,
    3,
    4,
    5
) AS `t12`
