SELECT
  `t12`.`step_0`,
  `t12`.`step_1`,
  `t12`.`step_2`,
  `t12`.`users`,
  `t12`.`journeys`,
  `t12`.`place` IS NULL AS `folded`
FROM (
  SELECT
    IF(`t11`.`rank` < 5, `t11`.`rank`, CAST(NULL AS BIGINT)) AS `place`,
    IF(`t11`.`rank` < 5, `t11`.`step_2`, `t11`.`step_2`) AS `step_2`,
    IF(
      `t11`.`rank` < 5,
      `t11`.`step_1`,
      CASE
        WHEN TRUE
        AND (
          `t11`.`step_2` <> '(start)'
        )
        AND (
          `t11`.`on_1` OR (
            `t11`.`step_1` = '(start)'
          )
        )
        THEN `t11`.`step_1`
        WHEN TRUE AND (
          `t11`.`step_2` <> '(start)'
        )
        THEN 'Other'
        ELSE CAST(NULL AS STRING)
      END
    ) AS `step_1`,
    IF(
      `t11`.`rank` < 5,
      `t11`.`step_0`,
      CASE
        WHEN TRUE
        AND (
          `t11`.`step_2` <> '(start)'
        )
        AND `t11`.`on_1`
        AND (
          `t11`.`step_1` <> '(start)'
        )
        AND (
          `t11`.`on_2` OR (
            `t11`.`step_0` = '(start)'
          )
        )
        THEN `t11`.`step_0`
        WHEN TRUE
        AND (
          `t11`.`step_2` <> '(start)'
        )
        AND `t11`.`on_1`
        AND (
          `t11`.`step_1` <> '(start)'
        )
        THEN 'Other'
        ELSE CAST(NULL AS STRING)
      END
    ) AS `step_0`,
    SUM(`t11`.`users`) AS `users`,
    COUNT(*) AS `journeys`
  FROM (
    SELECT
      `t10`.`step_0`,
      `t10`.`step_1`,
      `t10`.`step_2`,
      `t10`.`users`,
      `t10`.`rank`,
      MIN(`t10`.`rank`) OVER (
        PARTITION BY `t10`.`step_2`, `t10`.`step_1`
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
      ) < 5 AS `on_1`,
      MIN(`t10`.`rank`) OVER (
        PARTITION BY `t10`.`step_2`, `t10`.`step_1`, `t10`.`step_0`
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
      ) < 5 AS `on_2`
    FROM (
      SELECT
        COALESCE(`t9`.`step_0`, '(start)') AS `step_0`,
        COALESCE(`t9`.`step_1`, '(start)') AS `step_1`,
        COALESCE(`t9`.`step_2`, '(start)') AS `step_2`,
        `t9`.`users`,
        ROW_NUMBER() OVER (
          ORDER BY `t9`.`users` DESC, COALESCE(`t9`.`step_0`, '(start)') ASC NULLS LAST, COALESCE(`t9`.`step_1`, '(start)') ASC NULLS LAST, COALESCE(`t9`.`step_2`, '(start)') ASC NULLS LAST
        ) - 1 AS `rank`
      FROM (
        SELECT
          `t8`.`step_0`,
          `t8`.`step_1`,
          `t8`.`step_2`,
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
              ROW_NUMBER() OVER (
                PARTITION BY `t6`.`user_id`
                ORDER BY `t6`.`ts` ASC NULLS LAST, `t6`.`seq` ASC NULLS LAST
              ) - 1 AS `arrival_rank`
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
                  LAG(`t4`.`touchpoint`, 2) OVER (
                    PARTITION BY `t4`.`user_id`
                    ORDER BY `t4`.`ts` ASC NULLS LAST, `t4`.`seq` ASC NULLS LAST
                  ) AS `step_0`,
                  LAG(`t4`.`touchpoint`, 1) OVER (
                    PARTITION BY `t4`.`user_id`
                    ORDER BY `t4`.`ts` ASC NULLS LAST, `t4`.`seq` ASC NULLS LAST
                  ) AS `step_1`,
                  `t4`.`touchpoint` AS `step_2`
                FROM (
                  SELECT
                    `t3`.`user_id`,
                    `t3`.`ts`,
                    `t3`.`event`,
                    `t3`.`seq`,
                    `t3`.`plan`,
                    `t3`.`touchpoint`
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
                        LAG(`t1`.`touchpoint`) OVER (
                          PARTITION BY `t1`.`user_id`
                          ORDER BY `t1`.`ts` ASC NULLS LAST, `t1`.`seq` ASC NULLS LAST
                        ) AS `previous_touchpoint`
                      FROM (
                        SELECT
                          `t0`.`user_id`,
                          `t0`.`ts`,
                          `t0`.`event`,
                          `t0`.`seq`,
                          `t0`.`plan`,
                          `t0`.`event` AS `touchpoint`
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
                `t5`.`touchpoint` = 'purchase'
                AND `t5`.`ts` >= CAST('2024-03-04T00:00:00' AS TIMESTAMP)
                AND `t5`.`ts` < CAST('2024-03-18T00:00:00' AS TIMESTAMP)
            ) AS `t6`
          ) AS `t7`
          WHERE
            `t7`.`arrival_rank` = 0
        ) AS `t8`
        GROUP BY
          1,
          2,
          3
      ) AS `t9`
    ) AS `t10`
  ) AS `t11`
  GROUP BY
    1,
    2,
    3,
    4
) AS `t12`
