WITH `t2` AS (
  SELECT
    `t1`.`user_id`,
    `t1`.`ts`,
    `t1`.`event`,
    `t1`.`following`,
    `t1`.`remaining`,
    IF(
      (
        `t1`.`remaining` = 1
      )
      OR (
        DATEDIFF(MICROSECOND, `t1`.`ts`, `t1`.`following`) > 1800000000
      ),
      CAST(NULL AS BIGINT),
      DATEDIFF(MICROSECOND, `t1`.`ts`, `t1`.`following`)
    ) AS `waited`,
    IF(
      (
        `t1`.`remaining` = 1
      )
      OR (
        DATEDIFF(MICROSECOND, `t1`.`ts`, `t1`.`following`) > 1800000000
      ),
      1,
      0
    ) AS `ended`
  FROM (
    SELECT
      `t0`.`user_id`,
      `t0`.`ts`,
      `t0`.`event`,
      LEAD(`t0`.`ts`) OVER (
        PARTITION BY `t0`.`user_id`
        ORDER BY `t0`.`ts` ASC NULLS LAST, `t0`.`seq` ASC NULLS LAST
      ) AS `following`,
      COUNT(`t0`.`ts`) OVER (
        PARTITION BY `t0`.`user_id`
        ORDER BY `t0`.`ts` ASC NULLS LAST, `t0`.`seq` ASC NULLS LAST
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
      ) - (
        ROW_NUMBER() OVER (
          PARTITION BY `t0`.`user_id`
          ORDER BY `t0`.`ts` ASC NULLS LAST, `t0`.`seq` ASC NULLS LAST
        ) - 1
      ) AS `remaining`
    FROM `events` AS `t0`
  ) AS `t1`
  WHERE
    `t1`.`ts` >= CAST('2024-03-04T00:00:00' AS TIMESTAMP)
    AND `t1`.`ts` < CAST('2024-03-18T00:00:00' AS TIMESTAMP)
    AND `t1`.`event` IN ('view', 'cart')
), `t8` AS (
  SELECT
    `t5`.`event`,
    SUM(`t5`.`occurrences`) AS `occurrences`,
    SUM(`t5`.`session_ends`) AS `session_ends`,
    COALESCE(SUM(`t5`.`total`), 0) AS `total`,
    COUNT(*) AS `users`
  FROM (
    SELECT
      `t3`.`event`,
      `t3`.`user_id`,
      COUNT(*) AS `occurrences`,
      SUM(`t3`.`ended`) AS `session_ends`,
      SUM(`t3`.`waited`) AS `total`
    FROM `t2` AS `t3`
    GROUP BY
      1,
      2
  ) AS `t5`
  GROUP BY
    1
)
SELECT
  *
FROM (
  SELECT
    *
  FROM (
    SELECT
      `t7`.`event`,
      'bucket' AS `kind`,
      `t7`.`bucket` AS `position`,
      `t7`.`occurrences` AS `value`
    FROM (
      SELECT
        `t6`.`event`,
        `t6`.`bucket`,
        COUNT(*) AS `occurrences`
      FROM (
        SELECT
          `t3`.`user_id`,
          `t3`.`ts`,
          `t3`.`event`,
          `t3`.`following`,
          `t3`.`remaining`,
          `t3`.`waited`,
          `t3`.`ended`,
          CAST(CASE
            WHEN `t3`.`waited` < 10000000
            THEN 0
            WHEN `t3`.`waited` < 30000000
            THEN 1
            WHEN `t3`.`waited` < 60000000
            THEN 2
            WHEN `t3`.`waited` < 180000000
            THEN 3
            WHEN `t3`.`waited` < 600000000
            THEN 4
            WHEN `t3`.`waited` < 1800000000
            THEN 5
            ELSE 6
          END AS BIGINT) AS `bucket`
        FROM `t2` AS `t3`
        WHERE
          `t3`.`waited` IS NOT NULL
      ) AS `t6`
      GROUP BY
        1,
        2
    ) AS `t7`
  ) AS `t11`
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      `t9`.`event`,
      'rank' AS `kind`,
      `t9`.`index` + 1 AS `position`,
      `t9`.`waited` AS `value`
    FROM (
      SELECT
        `t4`.`user_id`,
        `t4`.`ts`,
        `t4`.`event`,
        `t4`.`following`,
        `t4`.`remaining`,
        `t4`.`waited`,
        `t4`.`ended`,
        ROW_NUMBER() OVER (PARTITION BY `t4`.`event` ORDER BY `t4`.`waited` ASC NULLS LAST) - 1 AS `index`,
        COUNT(`t4`.`waited`) OVER (
          PARTITION BY `t4`.`event`
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
        ) AS `n`
      FROM (
        SELECT
          *
        FROM `t2` AS `t3`
        WHERE
          `t3`.`waited` IS NOT NULL
      ) AS `t4`
    ) AS `t9`
    WHERE
      (
        (
          (
            `t9`.`index` * 100
          ) <= (
            (
              `t9`.`n` - 1
            ) * 25
          )
        )
        AND (
          (
            (
              `t9`.`n` - 1
            ) * 25
          ) < (
            (
              `t9`.`index` + 1
            ) * 100
          )
        )
      )
      OR (
        (
          (
            (
              `t9`.`index` - 1
            ) * 100
          ) < (
            (
              `t9`.`n` - 1
            ) * 25
          )
        )
        AND (
          (
            (
              `t9`.`n` - 1
            ) * 25
          ) <= (
            `t9`.`index` * 100
          )
        )
      )
      OR (
        (
          (
            (
              `t9`.`index` * 100
            ) <= (
              (
                `t9`.`n` - 1
              ) * 50
            )
          )
          AND (
            (
              (
                `t9`.`n` - 1
              ) * 50
            ) < (
              (
                `t9`.`index` + 1
              ) * 100
            )
          )
        )
        OR (
          (
            (
              (
                `t9`.`index` - 1
              ) * 100
            ) < (
              (
                `t9`.`n` - 1
              ) * 50
            )
          )
          AND (
            (
              (
                `t9`.`n` - 1
              ) * 50
            ) <= (
              `t9`.`index` * 100
            )
          )
        )
      )
      OR (
        (
          (
            (
              `t9`.`index` * 100
            ) <= (
              (
                `t9`.`n` - 1
              ) * 75
            )
          )
          AND (
            (
              (
                `t9`.`n` - 1
              ) * 75
            ) < (
              (
                `t9`.`index` + 1
              ) * 100
            )
          )
        )
        OR (
          (
            (
              (
                `t9`.`index` - 1
              ) * 100
            ) < (
              (
                `t9`.`n` - 1
              ) * 75
            )
          )
          AND (
            (
              (
                `t9`.`n` - 1
              ) * 75
            ) <= (
              `t9`.`index` * 100
            )
          )
        )
      )
      OR (
        (
          (
            (
              `t9`.`index` * 100
            ) <= (
              (
                `t9`.`n` - 1
              ) * 90
            )
          )
          AND (
            (
              (
                `t9`.`n` - 1
              ) * 90
            ) < (
              (
                `t9`.`index` + 1
              ) * 100
            )
          )
        )
        OR (
          (
            (
              (
                `t9`.`index` - 1
              ) * 100
            ) < (
              (
                `t9`.`n` - 1
              ) * 90
            )
          )
          AND (
            (
              (
                `t9`.`n` - 1
              ) * 90
            ) <= (
              `t9`.`index` * 100
            )
          )
        )
      )
  ) AS `t19`
) AS `t20`
UNION ALL
SELECT
  *
FROM (
  SELECT
    *
  FROM (
    SELECT
      *
    FROM (
      SELECT
        `t10`.`event`,
        'occurrences' AS `kind`,
        0 AS `position`,
        `t10`.`occurrences` AS `value`
      FROM `t8` AS `t10`
    ) AS `t12`
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        `t10`.`event`,
        'session_ends' AS `kind`,
        0 AS `position`,
        `t10`.`session_ends` AS `value`
      FROM `t8` AS `t10`
    ) AS `t13`
  ) AS `t16`
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      *
    FROM (
      SELECT
        `t10`.`event`,
        'total' AS `kind`,
        0 AS `position`,
        `t10`.`total` AS `value`
      FROM `t8` AS `t10`
    ) AS `t14`
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        `t10`.`event`,
        'users' AS `kind`,
        0 AS `position`,
        `t10`.`users` AS `value`
      FROM `t8` AS `t10`
    ) AS `t15`
  ) AS `t17`
) AS `t18`
