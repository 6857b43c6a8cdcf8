SELECT
  "t2"."user_id",
  "t2"."ts" AS "started",
  COALESCE(
    LEAD("t2"."before") OVER (PARTITION BY "t2"."user_id" ORDER BY "t2"."ts" ASC),
    "t2"."last"
  ) AS "ended",
  COALESCE(
    LEAD("t2"."position") OVER (PARTITION BY "t2"."user_id" ORDER BY "t2"."ts" ASC),
    "t2"."total"
  ) - "t2"."position" AS "events"
FROM (
  SELECT
    *
  FROM (
    SELECT
      "t0"."user_id",
      "t0"."ts",
      LAG("t0"."ts") OVER (PARTITION BY "t0"."user_id" ORDER BY "t0"."ts" ASC) AS "before",
      ROW_NUMBER() OVER (PARTITION BY "t0"."user_id" ORDER BY "t0"."ts" ASC) - 1 AS "position",
      MAX("t0"."ts") OVER (
        PARTITION BY "t0"."user_id"
        ORDER BY "t0"."ts" ASC
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
      ) AS "last",
      COUNT("t0"."ts") OVER (
        PARTITION BY "t0"."user_id"
        ORDER BY "t0"."ts" ASC
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
      ) AS "total"
    FROM "events" AS "t0"
  ) AS "t1"
  WHERE
    (
      "t1"."before" IS NULL
    )
    OR (
      DATE_DIFF(
        'MICROSECOND',
        DATE_TRUNC('MICROSECOND', "t1"."before"),
        DATE_TRUNC('MICROSECOND', "t1"."ts")
      ) > 1800000000
    )
) AS "t2"
