SELECT
  "t5"."user_id",
  IFF(
    (
      "t5"."plan" IS NULL
    ) OR (
      TRIM("t5"."plan", ' \t\n\r\f') = ''
    ),
    '(missing)',
    "t5"."plan"
  ) AS "segment"
FROM (
  SELECT
    "t4"."user_id",
    "t4"."ts",
    "t4"."event",
    "t4"."seq",
    "t4"."plan",
    ROW_NUMBER() OVER (PARTITION BY "t4"."user_id" ORDER BY "t4"."ts" ASC, "t4"."seq" ASC) - 1 AS "rank"
  FROM (
    SELECT
      "t1"."user_id",
      "t1"."ts",
      "t1"."event",
      "t1"."seq",
      "t1"."plan"
    FROM "events" AS "t1"
    WHERE
      EXISTS(
        SELECT
          1
        FROM (
          SELECT
            "t0"."user_id",
            MIN("t0"."ts") AS "at"
          FROM "events" AS "t0"
          GROUP BY
            1
        ) AS "t3"
        WHERE
          "t1"."user_id" = "t3"."user_id" AND "t1"."ts" = "t3"."at"
      )
  ) AS "t4"
) AS "t5"
WHERE
  "t5"."rank" = 0
