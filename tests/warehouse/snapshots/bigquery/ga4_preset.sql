SELECT
  `t0`.`user_pseudo_id` AS `user_id`,
  CAST(TIMESTAMP_ADD(
    TIMESTAMP('1970-01-01T00:00:00+00:00'),
    INTERVAL `t0`.`event_timestamp` MICROSECOND
  ) AS DATETIME) AS `ts`,
  `t0`.`event_name` AS `event`,
  ARRAY(
    SELECT
      COALESCE(
        __ibis_param_param__.`value`.`string_value`,
        CAST(__ibis_param_param__.`value`.`int_value` AS STRING),
        CAST(__ibis_param_param__.`value`.`double_value` AS STRING),
        CAST(__ibis_param_param__.`value`.`float_value` AS STRING)
      )
    FROM UNNEST(ARRAY(
      SELECT
        __ibis_param_param__
      FROM UNNEST(`t0`.`event_params`) AS __ibis_param_param__
      WHERE
        __ibis_param_param__.`key` = 'page_location'
    )) AS __ibis_param_param__
  )[safe_offset(0)] AS `page_location`,
  ARRAY(
    SELECT
      COALESCE(
        __ibis_param_param__.`value`.`string_value`,
        CAST(__ibis_param_param__.`value`.`int_value` AS STRING),
        CAST(__ibis_param_param__.`value`.`double_value` AS STRING),
        CAST(__ibis_param_param__.`value`.`float_value` AS STRING)
      )
    FROM UNNEST(ARRAY(
      SELECT
        __ibis_param_param__
      FROM UNNEST(`t0`.`event_params`) AS __ibis_param_param__
      WHERE
        __ibis_param_param__.`key` = 'ga_session_id'
    )) AS __ibis_param_param__
  )[safe_offset(0)] AS `ga_session_id`,
  `t0`.`device`.`category` AS `device_category`,
  `t0`.`geo`.`country` AS `geo_country`,
  `t0`.`platform`
FROM `events_*` AS `t0`
WHERE
  `t0`.`user_pseudo_id` IS NOT NULL
  AND CAST(TIMESTAMP_ADD(
    TIMESTAMP('1970-01-01T00:00:00+00:00'),
    INTERVAL `t0`.`event_timestamp` MICROSECOND
  ) AS DATETIME) IS NOT NULL
  AND `t0`.`event_name` IS NOT NULL
  AND TRIM(`t0`.`user_pseudo_id`, ' \t\n\r\v\f') <> ''
  AND TRIM(`t0`.`event_name`, ' \t\n\r\v\f') <> ''
