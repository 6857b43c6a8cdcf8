SELECT
  "t2"."user_id",
  "t2"."ts",
  "t2"."event",
  "t2"."seq",
  "t2"."plan"
FROM "events" AS "t2"
WHERE
  EXISTS(
    SELECT
      1
    FROM "memtable_0" AS "t3"
    WHERE
      "t2"."seq" = "t3"."__usagelens_position"
  )
