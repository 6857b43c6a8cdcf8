SELECT
  `t7`.`user_id`,
  COALESCE(`t7`.`step_0`, '(start)') AS `step_0`,
  COALESCE(`t7`.`step_1`, '(start)') AS `step_1`,
  COALESCE(`t7`.`step_2`, '(start)') AS `step_2`,
  CASE
    WHEN TRUE
    AND (
      COALESCE(`t7`.`step_2`, '(start)') <> '(start)'
    )
    AND (
      (
        (
          COALESCE(`t7`.`step_2`, '(start)') = 'purchase'
        )
        AND (
          COALESCE(`t7`.`step_1`, '(start)') = 'cart'
        )
      )
      OR (
        (
          COALESCE(`t7`.`step_2`, '(start)') = 'purchase'
        )
        AND (
          COALESCE(`t7`.`step_1`, '(start)') = 'view'
        )
      )
    )
    AND (
      COALESCE(`t7`.`step_1`, '(start)') <> '(start)'
    )
    AND (
      (
        (
          COALESCE(`t7`.`step_2`, '(start)') = 'purchase'
        )
        AND (
          COALESCE(`t7`.`step_1`, '(start)') = 'cart'
        )
        AND (
          COALESCE(`t7`.`step_0`, '(start)') = 'view'
        )
      )
      OR (
        (
          COALESCE(`t7`.`step_2`, '(start)') = 'purchase'
        )
        AND (
          COALESCE(`t7`.`step_1`, '(start)') = 'view'
        )
        AND (
          COALESCE(`t7`.`step_0`, '(start)') = '(start)'
        )
      )
      OR (
        COALESCE(`t7`.`step_0`, '(start)') = '(start)'
      )
    )
    THEN COALESCE(`t7`.`step_0`, '(start)')
    WHEN TRUE
    AND (
      COALESCE(`t7`.`step_2`, '(start)') <> '(start)'
    )
    AND (
      (
        (
          COALESCE(`t7`.`step_2`, '(start)') = 'purchase'
        )
        AND (
          COALESCE(`t7`.`step_1`, '(start)') = 'cart'
        )
      )
      OR (
        (
          COALESCE(`t7`.`step_2`, '(start)') = 'purchase'
        )
        AND (
          COALESCE(`t7`.`step_1`, '(start)') = 'view'
        )
      )
    )
    AND (
      COALESCE(`t7`.`step_1`, '(start)') <> '(start)'
    )
    THEN 'Other'
    ELSE CAST(NULL AS STRING)
  END AS `drawn_0`,
  CASE
    WHEN TRUE
    AND (
      COALESCE(`t7`.`step_2`, '(start)') <> '(start)'
    )
    AND (
      (
        (
          COALESCE(`t7`.`step_2`, '(start)') = 'purchase'
        )
        AND (
          COALESCE(`t7`.`step_1`, '(start)') = 'cart'
        )
      )
      OR (
        (
          COALESCE(`t7`.`step_2`, '(start)') = 'purchase'
        )
        AND (
          COALESCE(`t7`.`step_1`, '(start)') = 'view'
        )
      )
      OR (
        COALESCE(`t7`.`step_1`, '(start)') = '(start)'
      )
    )
    THEN COALESCE(`t7`.`step_1`, '(start)')
    WHEN TRUE AND (
      COALESCE(`t7`.`step_2`, '(start)') <> '(start)'
    )
    THEN 'Other'
    ELSE CAST(NULL AS STRING)
  END AS `drawn_1`,
  COALESCE(`t7`.`step_2`, '(start)') AS `drawn_2`
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
        LAG(`t4`.`touchpoint`, 2) OVER (PARTITION BY `t4`.`user_id` ORDER BY `t4`.`ts` ASC, `t4`.`seq` ASC) AS `step_0`,
        LAG(`t4`.`touchpoint`, 1) OVER (PARTITION BY `t4`.`user_id` ORDER BY `t4`.`ts` ASC, `t4`.`seq` ASC) AS `step_1`,
        `t4`.`touchpoint` AS `step_2`
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
      AND `t5`.`ts` >= DATETIME('2024-03-04T00:00:00')
      AND `t5`.`ts` < DATETIME('2024-03-18T00:00:00')
  ) AS `t6`
) AS `t7`
WHERE
  `t7`.`arrival_rank` = 0
