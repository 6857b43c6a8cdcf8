SELECT
  `t2`.`period`,
  COUNTIF(`t2`.`previous` IS NULL) AS `new`,
  COUNTIF(`t2`.`previous` = DATE_SUB(`t2`.`period`, INTERVAL '7' DAY)) AS `returning`,
  COUNTIF(
    (
      `t2`.`previous` IS NOT NULL
    )
    AND NOT (
      `t2`.`previous` = DATE_SUB(`t2`.`period`, INTERVAL '7' DAY)
    )
  ) AS `resurrecting`,
  COUNTIF(
    (
      `t2`.`following` IS NULL
    )
    OR (
      `t2`.`following` <> DATE_ADD(`t2`.`period`, INTERVAL '7' DAY)
    )
  ) AS `goes_dormant`
FROM (
  SELECT
    `t1`.`user_id`,
    `t1`.`period`,
    LAG(`t1`.`period`) OVER (PARTITION BY `t1`.`user_id` ORDER BY `t1`.`period` ASC) AS `previous`,
    LEAD(`t1`.`period`) OVER (PARTITION BY `t1`.`user_id` ORDER BY `t1`.`period` ASC) AS `following`
  FROM (
    SELECT DISTINCT
      `t0`.`user_id`,
      DATE_SUB(DATE(`t0`.`ts`), INTERVAL (MOD(EXTRACT(dayofweek FROM `t0`.`ts`) + 5, 7)) DAY) AS `period`
    FROM `events` AS `t0`
  ) AS `t1`
) AS `t2`
GROUP BY
  1
