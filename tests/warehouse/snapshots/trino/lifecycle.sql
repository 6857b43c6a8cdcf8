SELECT
  "t2"."period",
  COUNT(*) FILTER(WHERE
    "t2"."previous" IS NULL) AS "new",
  COUNT(*) FILTER(WHERE
    "t2"."previous" = (
      "t2"."period" - INTERVAL '7' DAY
    )) AS "returning",
  COUNT(*) FILTER(WHERE
    (
      "t2"."previous" IS NOT NULL
    )
    AND NOT (
      "t2"."previous" = (
        "t2"."period" - INTERVAL '7' DAY
      )
    )) AS "resurrecting",
  COUNT(*) FILTER(WHERE
    (
      "t2"."following" IS NULL
    )
    OR (
      "t2"."following" <> (
        "t2"."period" + INTERVAL '7' DAY
      )
    )) AS "goes_dormant"
FROM (
  SELECT
    "t1"."user_id",
    "t1"."period",
    LAG("t1"."period") OVER (PARTITION BY "t1"."user_id" ORDER BY "t1"."period" ASC) AS "previous",
    LEAD("t1"."period") OVER (PARTITION BY "t1"."user_id" ORDER BY "t1"."period" ASC) AS "following"
  FROM (
    SELECT DISTINCT
      "t0"."user_id",
      DATE("t0"."ts") - PARSE_DURATION(CONCAT(CAST(CAST((
        DOW("t0"."ts") + 6
      ) % 7 AS SMALLINT) AS VARCHAR), 'd')) AS "period"
    FROM "events" AS "t0"
  ) AS "t1"
) AS "t2"
GROUP BY
  1
