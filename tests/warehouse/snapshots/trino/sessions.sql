SELECT
  "t4"."user_id",
  "t4"."started",
  "t4"."ended",
  "t4"."events"
FROM (
  SELECT
    "t3"."user_id",
    "t3"."ends",
    "t3"."ts" AS "ended",
    IF(
      "t3"."starts",
      "t3"."ts",
      LAG("t3"."ts") OVER (PARTITION BY "t3"."user_id" ORDER BY "t3"."position" ASC)
    ) AS "started",
    (
      "t3"."position" - IF(
        "t3"."starts",
        "t3"."position",
        LAG("t3"."position") OVER (PARTITION BY "t3"."user_id" ORDER BY "t3"."position" ASC)
      )
    ) + 1 AS "events"
  FROM (
    SELECT
      *
    FROM (
      SELECT
        "t1"."user_id",
        "t1"."ts",
        "t1"."position",
        (
          "t1"."before" IS NULL
        )
        OR (
          DATE_DIFF(
            'MICROSECOND',
            DATE_TRUNC('MICROSECOND', "t1"."before"),
            DATE_TRUNC('MICROSECOND', "t1"."ts")
          ) > 1800000000
        ) AS "starts",
        (
          "t1"."after" IS NULL
        )
        OR (
          DATE_DIFF(
            'MICROSECOND',
            DATE_TRUNC('MICROSECOND', "t1"."ts"),
            DATE_TRUNC('MICROSECOND', "t1"."after")
          ) > 1800000000
        ) AS "ends"
      FROM (
        SELECT
          "t0"."user_id",
          "t0"."ts",
          LAG("t0"."ts") OVER (PARTITION BY "t0"."user_id" ORDER BY "t0"."ts" ASC) AS "before",
          LEAD("t0"."ts") OVER (PARTITION BY "t0"."user_id" ORDER BY "t0"."ts" ASC) AS "after",
          ROW_NUMBER() OVER (PARTITION BY "t0"."user_id" ORDER BY "t0"."ts" ASC) - 1 AS "position"
        FROM "events" AS "t0"
      ) AS "t1"
    ) AS "t2"
    WHERE
      "t2"."starts" OR "t2"."ends"
  ) AS "t3"
) AS "t4"
WHERE
  "t4"."ends"
