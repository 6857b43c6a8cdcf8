SELECT
  `t5`.`user_id`,
  IF(
    (
      `t5`.`plan` IS NULL
    ) OR (
      TRIM(' \t\n\r\v\f' FROM `t5`.`plan`) = ''
    ),
    '(missing)',
    `t5`.`plan`
  ) AS `segment`
FROM (
  SELECT
    `t4`.`user_id`,
    `t4`.`ts`,
    `t4`.`event`,
    `t4`.`seq`,
    `t4`.`plan`,
    ROW_NUMBER() OVER (
      PARTITION BY `t4`.`user_id`
      ORDER BY `t4`.`ts` ASC NULLS LAST, `t4`.`seq` ASC NULLS LAST
    ) - 1 AS `rank`
  FROM (
    SELECT
      `t1`.`user_id`,
      `t1`.`ts`,
      `t1`.`event`,
      `t1`.`seq`,
      `t1`.`plan`
    FROM `events` AS `t1`
    LEFT SEMI JOIN (
      SELECT
        `t0`.`user_id`,
        MIN(`t0`.`ts`) AS `at`
      FROM `events` AS `t0`
      GROUP BY
        1
    ) AS `t3`
      ON `t1`.`user_id` = `t3`.`user_id` AND `t1`.`ts` = `t3`.`at`
  ) AS `t4`
) AS `t5`
WHERE
  `t5`.`rank` = 0
