SELECT
  `t2`.`period`,
  SUM(CAST(`t2`.`previous` IS NULL AS BIGINT)) AS `new`,
  SUM(CAST(`t2`.`previous` = (
    `t2`.`period` - INTERVAL '7' DAY
  ) AS BIGINT)) AS `returning`,
  SUM(
    CAST((
      `t2`.`previous` IS NOT NULL
    )
    AND NOT (
      `t2`.`previous` = (
        `t2`.`period` - INTERVAL '7' DAY
      )
    ) AS BIGINT)
  ) AS `resurrecting`,
  SUM(
    CAST((
      `t2`.`following` IS NULL
    )
    OR (
      `t2`.`following` <> (
        `t2`.`period` + INTERVAL '7' DAY
      )
    ) AS BIGINT)
  ) AS `goes_dormant`
FROM (
  SELECT
    `t1`.`user_id`,
    `t1`.`period`,
    LAG(`t1`.`period`) OVER (PARTITION BY `t1`.`user_id` ORDER BY `t1`.`period` ASC NULLS LAST) AS `previous`,
    LEAD(`t1`.`period`) OVER (PARTITION BY `t1`.`user_id` ORDER BY `t1`.`period` ASC NULLS LAST) AS `following`
  FROM (
    SELECT DISTINCT
      `t0`.`user_id`,
      CAST(`t0`.`ts` AS DATE) - CAST(CONCAT((
        DAYOFWEEK(`t0`.`ts`) + 5
      ) % 7, ' days') AS INTERVAL) AS `period`
    FROM `events` AS `t0`
  ) AS `t1`
) AS `t2`
GROUP BY
  1
