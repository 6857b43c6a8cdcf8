WITH "t2" AS (
  SELECT
    "t1"."user_id",
    "t1"."ts",
    "t1"."position",
    (
      "t1"."before" IS NULL
    )
    OR (
      DATEDIFF(MICROSECOND, "t1"."before", "t1"."ts") > 1800000000
    ) AS "starts",
    (
      "t1"."after" IS NULL
    )
    OR (
      DATEDIFF(MICROSECOND, "t1"."ts", "t1"."after") > 1800000000
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
)
SELECT
  *
FROM (
  SELECT
    "t3"."user_id",
    "t3"."ts" AS "started",
    "t3"."ts" AS "ended",
    1 AS "events"
  FROM "t2" AS "t3"
  WHERE
    (
      "t3"."starts" OR "t3"."ends"
    ) AND "t3"."starts" AND "t3"."ends"
) AS "t4"
UNION ALL
SELECT
  *
FROM (
  SELECT
    "t6"."user_id",
    "t6"."started",
    "t6"."ended",
    "t6"."events"
  FROM (
    SELECT
      "t5"."user_id",
      "t5"."ends",
      LAG("t5"."ts") OVER (PARTITION BY "t5"."user_id" ORDER BY "t5"."position" ASC) AS "started",
      "t5"."ts" AS "ended",
      (
        "t5"."position" - LAG("t5"."position") OVER (PARTITION BY "t5"."user_id" ORDER BY "t5"."position" ASC)
      ) + 1 AS "events"
    FROM (
      SELECT
        *
      FROM "t2" AS "t3"
      WHERE
        (
          "t3"."starts" OR "t3"."ends"
        ) AND "t3"."starts" <> "t3"."ends"
    ) AS "t5"
  ) AS "t6"
  WHERE
    "t6"."ends"
) AS "t7"
