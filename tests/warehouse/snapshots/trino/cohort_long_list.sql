SELECT
  *
FROM (
  SELECT
    "t4"."user_id"
  FROM (
    SELECT DISTINCT
      "t0"."user_id"
    FROM "events" AS "t0"
  ) AS "t4"
  WHERE
    EXISTS(
      SELECT
        1
      FROM "memtable_0" AS "t2"
      WHERE
        "t4"."user_id" = "t2"."user_id"
    )
) AS "t8"
UNION
SELECT
  *
FROM (
  SELECT
    "t9"."user_id"
  FROM (
    SELECT
      "t4"."user_id",
      COALESCE("t7"."n", 0) AS "n"
    FROM (
      SELECT DISTINCT
        "t0"."user_id"
      FROM "events" AS "t0"
    ) AS "t4"
    LEFT OUTER JOIN (
      SELECT
        "t5"."user_id",
        COUNT(*) AS "n"
      FROM (
        SELECT
          *
        FROM "events" AS "t0"
        WHERE
          "t0"."event" = 'purchase'
          AND "t0"."ts" >= CAST(FROM_ISO8601_TIMESTAMP('2024-03-04T00:00:00') AS TIMESTAMP(6))
          AND "t0"."ts" < CAST(FROM_ISO8601_TIMESTAMP('2024-03-18T00:00:00') AS TIMESTAMP(6))
      ) AS "t5"
      GROUP BY
        1
    ) AS "t7"
      ON "t4"."user_id" = "t7"."user_id"
  ) AS "t9"
  WHERE
    "t9"."n" >= 0 AND "t9"."n" <= 2
) AS "t10"
