SELECT
  *
FROM (
  SELECT
    0 AS `property`,
    `t3`.`value_0`,
    CAST(NULL AS STRING) AS `value_1`
  FROM (
    SELECT DISTINCT
      `t0`.`seq` AS `value_0`
    FROM `events` AS `t0`
    LIMIT 31
  ) AS `t3`
) AS `t5`
UNION ALL
SELECT
  *
FROM (
  SELECT
    1 AS `property`,
    CAST(NULL AS BIGINT) AS `value_0`,
    `t4`.`value_1`
  FROM (
    SELECT DISTINCT
      `t0`.`plan` AS `value_1`
    FROM `events` AS `t0`
    LIMIT 31
  ) AS `t4`
) AS `t6`
