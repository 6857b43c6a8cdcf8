SELECT
  *
FROM (
  SELECT
    `t0`.`event`,
    COUNT(*) AS `rows`,
    MIN(`t0`.`ts`) AS `first`,
    MAX(`t0`.`ts`) AS `last`
  FROM `events` AS `t0`
  GROUP BY
    1
) AS `t1`
ORDER BY
  `t1`.`event` ASC NULLS LAST
