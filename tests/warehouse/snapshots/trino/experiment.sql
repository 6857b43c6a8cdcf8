SELECT
  "t13"."segment",
  COUNT(*) AS "users",
  COUNT(*) FILTER(WHERE
    "t13"."converted") AS "conversions"
FROM (
  SELECT
    "t12"."segment",
    COALESCE("t7"."converted", FALSE) AS "converted"
  FROM (
    SELECT
      "t4"."user_id",
      IF(
        (
          "t9"."value" IS NULL
        )
        OR (
          TRIM(' 	
' FROM "t9"."value") = ''
        ),
        '(missing)',
        "t9"."value"
      ) AS "segment"
    FROM (
      SELECT DISTINCT
        "t0"."user_id"
      FROM "events" AS "t0"
      WHERE
        "t0"."ts" >= CAST(FROM_ISO8601_TIMESTAMP('2024-03-04T00:00:00') AS TIMESTAMP(6))
        AND "t0"."ts" < CAST(FROM_ISO8601_TIMESTAMP('2024-03-18T00:00:00') AS TIMESTAMP(6))
    ) AS "t4"
    LEFT OUTER JOIN (
      SELECT
        "t6"."user_id",
        "t6"."tier" AS "value"
      FROM (
        SELECT
          "t1"."user_id",
          "t1"."seq",
          "t1"."tier",
          ROW_NUMBER() OVER (PARTITION BY "t1"."user_id" ORDER BY "t1"."seq" DESC) - 1 AS "rank"
        FROM "customers" AS "t1"
      ) AS "t6"
      WHERE
        "t6"."rank" = 0
    ) AS "t9"
      ON "t4"."user_id" = "t9"."user_id"
  ) AS "t12"
  LEFT OUTER JOIN (
    SELECT
      "t3"."user_id",
      TRUE AS "converted"
    FROM (
      SELECT DISTINCT
        "t0"."user_id"
      FROM "events" AS "t0"
      WHERE
        "t0"."ts" >= CAST(FROM_ISO8601_TIMESTAMP('2024-03-04T00:00:00') AS TIMESTAMP(6))
        AND "t0"."ts" < CAST(FROM_ISO8601_TIMESTAMP('2024-03-18T00:00:00') AS TIMESTAMP(6))
        AND "t0"."event" = 'purchase'
    ) AS "t3"
  ) AS "t7"
    ON "t12"."user_id" = "t7"."user_id"
) AS "t13"
GROUP BY
  1
