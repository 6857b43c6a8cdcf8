SELECT
  `t5`.`u`,
  MIN_BY(`t5`.`why`, `t5`.`r`) AS `why`
FROM (
  SELECT
    `t4`.`u`,
    `t4`.`r`,
    `t4`.`k_`,
    `t2`.`k`,
    `t2`.`why`
  FROM (
    SELECT
      `t0`.`user_id` AS `u`,
      `t0`.`seq` AS `r`,
      `t0`.`user_id` AS `k_`
    FROM `events` AS `t0`
    WHERE
      `t0`.`user_id` IS NOT NULL
  ) AS `t4`
  INNER JOIN `memtable_0` AS `t2`
    ON `t4`.`k_` = `t2`.`k`
) AS `t5`
GROUP BY
  1
