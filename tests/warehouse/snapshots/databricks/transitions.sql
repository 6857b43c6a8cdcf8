SELECT
  `t3`.`from_event`,
  `t3`.`to_event`,
  COUNT(*) AS `count`
FROM (
  SELECT
    *
  FROM (
    SELECT
      `t1`.`event` AS `from_event`,
      LEAD(`t1`.`event`) OVER (
        PARTITION BY `t1`.`user_id`
        ORDER BY `t1`.`ts` ASC NULLS LAST, `t1`.`seq` ASC NULLS LAST
      ) AS `to_event`
    FROM (
      SELECT
        *
      FROM `events` AS `t0`
      WHERE
        `t0`.`ts` >= CAST('2024-03-04T00:00:00' AS TIMESTAMP)
        AND `t0`.`ts` < CAST('2024-03-18T00:00:00' AS TIMESTAMP)
    ) AS `t1`
  ) AS `t2`
  WHERE
    `t2`.`to_event` IS NOT NULL
) AS `t3`
GROUP BY
  1,
  2
