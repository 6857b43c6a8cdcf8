SELECT
  "t5"."event",
  "t5"."order_rows",
  COALESCE("t12"."events", 0) AS "events",
  COALESCE("t12"."users", 0) AS "users",
  "t9"."all_users"
FROM (
  SELECT
    "t0"."event",
    COUNT(*) AS "order_rows"
  FROM "events" AS "t0"
  GROUP BY
    1
) AS "t5"
LEFT OUTER JOIN (
  SELECT
    "t6"."event",
    "t6"."events",
    "t10"."users"
  FROM (
    SELECT
      "t0"."event",
      COUNT(*) AS "events"
    FROM "events" AS "t0"
    GROUP BY
      1
  ) AS "t6"
  INNER JOIN (
    SELECT
      "t4"."event",
      COUNT(*) AS "users"
    FROM (
      SELECT DISTINCT
        "t0"."event",
        "t0"."user_id"
      FROM "events" AS "t0"
    ) AS "t4"
    GROUP BY
      1
  ) AS "t10"
    ON "t6"."event" = "t10"."event"
) AS "t12"
  ON "t5"."event" = "t12"."event"
CROSS JOIN (
  SELECT
    COUNT(*) AS "all_users"
  FROM (
    SELECT DISTINCT
      "t0"."user_id"
    FROM "events" AS "t0"
  ) AS "t3"
) AS "t9"
