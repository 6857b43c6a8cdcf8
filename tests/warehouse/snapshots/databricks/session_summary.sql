WITH `t2` AS (
  SELECT
    `t1`.`user_id`,
    `t1`.`ts`,
    `t1`.`position`,
    (
      `t1`.`before` IS NULL
    )
    OR (
      DATEDIFF(MICROSECOND, `t1`.`before`, `t1`.`ts`) > 1800000000
    ) AS `starts`,
    (
      `t1`.`after` IS NULL
    )
    OR (
      DATEDIFF(MICROSECOND, `t1`.`ts`, `t1`.`after`) > 1800000000
    ) AS `ends`
  FROM (
    SELECT
      `t0`.`user_id`,
      `t0`.`ts`,
      LAG(`t0`.`ts`) OVER (PARTITION BY `t0`.`user_id` ORDER BY `t0`.`ts` ASC NULLS LAST) AS `before`,
      LEAD(`t0`.`ts`) OVER (PARTITION BY `t0`.`user_id` ORDER BY `t0`.`ts` ASC NULLS LAST) AS `after`,
      ROW_NUMBER() OVER (PARTITION BY `t0`.`user_id` ORDER BY `t0`.`ts` ASC NULLS LAST) - 1 AS `position`
    FROM `events` AS `t0`
  ) AS `t1`
), `t8` AS (
  SELECT
    *
  FROM (
    SELECT
      `t3`.`user_id`,
      `t3`.`ts` AS `started`,
      `t3`.`ts` AS `ended`,
      1 AS `events`
    FROM `t2` AS `t3`
    WHERE
      (
        `t3`.`starts` OR `t3`.`ends`
      ) AND `t3`.`starts` AND `t3`.`ends`
  ) AS `t4`
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      `t6`.`user_id`,
      `t6`.`started`,
      `t6`.`ended`,
      `t6`.`events`
    FROM (
      SELECT
        `t5`.`user_id`,
        `t5`.`ends`,
        LAG(`t5`.`ts`) OVER (PARTITION BY `t5`.`user_id` ORDER BY `t5`.`position` ASC NULLS LAST) AS `started`,
        `t5`.`ts` AS `ended`,
        (
          `t5`.`position` - LAG(`t5`.`position`) OVER (PARTITION BY `t5`.`user_id` ORDER BY `t5`.`position` ASC NULLS LAST)
        ) + 1 AS `events`
      FROM (
        SELECT
          *
        FROM `t2` AS `t3`
        WHERE
          (
            `t3`.`starts` OR `t3`.`ends`
          ) AND `t3`.`starts` <> `t3`.`ends`
      ) AS `t5`
    ) AS `t6`
    WHERE
      `t6`.`ends`
  ) AS `t7`
)
SELECT
  `t19`.`period`,
  `t19`.`sessions`,
  `t19`.`duration_sum`,
  `t18`.`users`,
  `t28`.`duration_low`,
  `t28`.`duration_high`,
  `t29`.`events_low`,
  `t29`.`events_high`
FROM (
  SELECT
    `t10`.`period`,
    COUNT(*) AS `sessions`,
    SUM(`t10`.`duration`) AS `duration_sum`
  FROM (
    SELECT
      `t9`.`user_id`,
      `t9`.`started`,
      `t9`.`ended`,
      `t9`.`events`,
      CAST(`t9`.`started` AS DATE) - CAST(CONCAT((
        DAYOFWEEK(`t9`.`started`) + 5
      ) % 7, ' days') AS INTERVAL) AS `period`,
      DATEDIFF(MICROSECOND, `t9`.`started`, `t9`.`ended`) AS `duration`
    FROM `t8` AS `t9`
    WHERE
      `t9`.`started` >= CAST('2024-03-04T00:00:00' AS TIMESTAMP)
      AND `t9`.`started` < CAST('2024-03-18T00:00:00' AS TIMESTAMP)
  ) AS `t10`
  GROUP BY
    1
) AS `t19`
INNER JOIN (
  SELECT
    `t11`.`period`,
    COUNT(*) AS `users`
  FROM (
    SELECT DISTINCT
      `t9`.`user_id`,
      CAST(`t9`.`started` AS DATE) - CAST(CONCAT((
        DAYOFWEEK(`t9`.`started`) + 5
      ) % 7, ' days') AS INTERVAL) AS `period`
    FROM `t8` AS `t9`
    WHERE
      `t9`.`started` >= CAST('2024-03-04T00:00:00' AS TIMESTAMP)
      AND `t9`.`started` < CAST('2024-03-18T00:00:00' AS TIMESTAMP)
  ) AS `t11`
  GROUP BY
    1
) AS `t18`
  ON `t19`.`period` = `t18`.`period`
INNER JOIN (
  SELECT
    `t24`.`period`,
    `t24`.`low` AS `duration_low`,
    `t24`.`high` AS `duration_high`
  FROM (
    SELECT
      `t22`.`period`,
      MIN(`t22`.`value`) AS `low`,
      MAX(`t22`.`value`) AS `high`
    FROM (
      SELECT
        *
      FROM (
        SELECT
          `t15`.`period`,
          `t15`.`value`,
          `t15`.`rows`,
          SUM(`t15`.`rows`) OVER (
            PARTITION BY `t15`.`period`
            ORDER BY `t15`.`value` ASC NULLS LAST
            ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
          ) AS `reached`,
          SUM(`t15`.`rows`) OVER (
            PARTITION BY `t15`.`period`
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
          ) AS `n`
        FROM (
          SELECT
            `t12`.`period`,
            `t12`.`value`,
            COUNT(*) AS `rows`
          FROM (
            SELECT
              CAST(`t9`.`started` AS DATE) - CAST(CONCAT((
                DAYOFWEEK(`t9`.`started`) + 5
              ) % 7, ' days') AS INTERVAL) AS `period`,
              DATEDIFF(MICROSECOND, `t9`.`started`, `t9`.`ended`) AS `value`
            FROM `t8` AS `t9`
            WHERE
              `t9`.`started` >= CAST('2024-03-04T00:00:00' AS TIMESTAMP)
              AND `t9`.`started` < CAST('2024-03-18T00:00:00' AS TIMESTAMP)
          ) AS `t12`
          GROUP BY
            1,
            2
        ) AS `t15`
      ) AS `t20`
      WHERE
        (
          (
            (
              `t20`.`reached` - `t20`.`rows`
            ) <= CAST(FLOOR((
              `t20`.`n` - 1
            ) / (
              2
            )) AS BIGINT)
          )
          AND (
            CAST(FLOOR((
              `t20`.`n` - 1
            ) / (
              2
            )) AS BIGINT) < `t20`.`reached`
          )
        )
        OR (
          (
            (
              `t20`.`reached` - `t20`.`rows`
            ) <= CAST(FLOOR((
              `t20`.`n`
            ) / (
              2
            )) AS BIGINT)
          )
          AND (
            CAST(FLOOR((
              `t20`.`n`
            ) / (
              2
            )) AS BIGINT) < `t20`.`reached`
          )
        )
    ) AS `t22`
    GROUP BY
      1
  ) AS `t24`
) AS `t28`
  ON `t19`.`period` = `t28`.`period`
INNER JOIN (
  SELECT
    `t25`.`period`,
    `t25`.`low` AS `events_low`,
    `t25`.`high` AS `events_high`
  FROM (
    SELECT
      `t23`.`period`,
      MIN(`t23`.`value`) AS `low`,
      MAX(`t23`.`value`) AS `high`
    FROM (
      SELECT
        *
      FROM (
        SELECT
          `t16`.`period`,
          `t16`.`value`,
          `t16`.`rows`,
          SUM(`t16`.`rows`) OVER (
            PARTITION BY `t16`.`period`
            ORDER BY `t16`.`value` ASC NULLS LAST
            ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
          ) AS `reached`,
          SUM(`t16`.`rows`) OVER (
            PARTITION BY `t16`.`period`
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
          ) AS `n`
        FROM (
          SELECT
            `t13`.`period`,
            `t13`.`value`,
            COUNT(*) AS `rows`
          FROM (
            SELECT
              CAST(`t9`.`started` AS DATE) - CAST(CONCAT((
                DAYOFWEEK(`t9`.`started`) + 5
              ) % 7, ' days') AS INTERVAL) AS `period`,
              `t9`.`events` AS `value`
            FROM `t8` AS `t9`
            WHERE
              `t9`.`started` >= CAST('2024-03-04T00:00:00' AS TIMESTAMP)
              AND `t9`.`started` < CAST('2024-03-18T00:00:00' AS TIMESTAMP)
          ) AS `t13`
          GROUP BY
            1,
            2
        ) AS `t16`
      ) AS `t21`
      WHERE
        (
          (
            (
              `t21`.`reached` - `t21`.`rows`
            ) <= CAST(FLOOR((
              `t21`.`n` - 1
            ) / (
              2
            )) AS BIGINT)
          )
          AND (
            CAST(FLOOR((
              `t21`.`n` - 1
            ) / (
              2
            )) AS BIGINT) < `t21`.`reached`
          )
        )
        OR (
          (
            (
              `t21`.`reached` - `t21`.`rows`
            ) <= CAST(FLOOR((
              `t21`.`n`
            ) / (
              2
            )) AS BIGINT)
          )
          AND (
            CAST(FLOOR((
              `t21`.`n`
            ) / (
              2
            )) AS BIGINT) < `t21`.`reached`
          )
        )
    ) AS `t23`
    GROUP BY
      1
  ) AS `t25`
) AS `t29`
  ON `t19`.`period` = `t29`.`period`
