SELECT
  "t2"."period",
  COUNT_IF("t2"."previous" IS NULL) AS "new",
  COUNT_IF("t2"."previous" = DATEADD(DAY, -'7', "t2"."period")) AS "returning",
  COUNT_IF(
    (
      "t2"."previous" IS NOT NULL
    )
    AND NOT (
      "t2"."previous" = DATEADD(DAY, -'7', "t2"."period")
    )
  ) AS "resurrecting",
  COUNT_IF(
    (
      "t2"."following" IS NULL
    )
    OR (
      "t2"."following" <> DATEADD(DAY, '7', "t2"."period")
    )
  ) AS "goes_dormant"
FROM (
  SELECT
    "t1"."user_id",
    "t1"."period",
    LAG("t1"."period") OVER (PARTITION BY "t1"."user_id" ORDER BY "t1"."period" ASC) AS "previous",
    LEAD("t1"."period") OVER (PARTITION BY "t1"."user_id" ORDER BY "t1"."period" ASC) AS "following"
  FROM (
    SELECT DISTINCT
      "t0"."user_id",
      DATEADD(DAY, -(
        (
          DAYOFWEEK("t0"."ts") + 6
        ) % 7
      ), TO_DATE("t0"."ts")) AS "period"
    FROM "events" AS "t0"
  ) AS "t1"
) AS "t2"
GROUP BY
  1
