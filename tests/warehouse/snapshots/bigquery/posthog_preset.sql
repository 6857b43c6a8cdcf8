SELECT
  `t1`.`distinct_id` AS `user_id`,
  CAST(`t1`.`timestamp` AS DATETIME) AS `ts`,
  `t1`.`event`,
  `t1`.`browser`,
  `t1`.`plan`
FROM (
  SELECT
    `t0`.`uuid`,
    `t0`.`event`,
    `t0`.`properties`,
    `t0`.`timestamp`,
    `t0`.`distinct_id`,
    JSON_EXTRACT_SCALAR(`t0`.`properties`, '$[\'$browser\']') AS `browser`,
    JSON_EXTRACT_SCALAR(`t0`.`properties`, '$.plan') AS `plan`
  FROM `events` AS `t0`
) AS `t1`
WHERE
  `t1`.`distinct_id` IS NOT NULL
  AND CAST(`t1`.`timestamp` AS DATETIME) IS NOT NULL
  AND `t1`.`event` IS NOT NULL
  AND TRIM(`t1`.`distinct_id`, ' \t\n\r\v\f') <> ''
  AND TRIM(`t1`.`event`, ' \t\n\r\v\f') <> ''
