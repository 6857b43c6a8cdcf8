SELECT
  `t1`.`u`,
  MIN_BY(`t1`.`why`, `t1`.`r`) AS `why`
FROM (
  SELECT
    `t0`.`user_id` AS `u`,
    `t0`.`seq` AS `r`,
    CASE `t0`.`user_id` WHEN 'test_1' THEN 'a test word' ELSE NULL END AS `why`
  FROM `events` AS `t0`
  WHERE
    `t0`.`user_id` IS NOT NULL
    AND CASE `t0`.`user_id` WHEN 'test_1' THEN 'a test word' ELSE NULL END IS NOT NULL
) AS `t1`
GROUP BY
  1
