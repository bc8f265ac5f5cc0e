-- segmentation membership query for DuckDB, as of 2026-11-01T00:00:00Z in UTC
WITH
"ev0" AS (
  SELECT "e"."customer_id" AS "k",
    COUNT(CASE WHEN (("e"."event_time" > CAST('2026-08-03 00:00:00.000000+00' AS TIMESTAMPTZ)) AND ("e"."event_time" <= CAST('2026-11-01 00:00:00.000000+00' AS TIMESTAMPTZ))) THEN 1 END) AS "x0",
    COUNT(CASE WHEN (("e"."event_time" >= CAST('0001-01-01 00:00:00.000000+00' AS TIMESTAMPTZ)) AND ("e"."event_time" <= CAST('2026-11-01 00:00:00.000000+00' AS TIMESTAMPTZ))) THEN 1 END) AS "x1",
    COUNT(CASE WHEN (("e"."event_time" > CAST('2026-05-05 00:00:00.000000+00' AS TIMESTAMPTZ)) AND ("e"."event_time" <= CAST('2026-11-01 00:00:00.000000+00' AS TIMESTAMPTZ))) THEN 1 END) AS "x2",
    SUM(CASE WHEN (("e"."event_time" > CAST('2025-11-01 00:00:00.000000+00' AS TIMESTAMPTZ)) AND ("e"."event_time" <= CAST('2026-11-01 00:00:00.000000+00' AS TIMESTAMPTZ))) THEN "e"."amount" END) AS "x3",
    COUNT(CASE WHEN (("e"."event_time" > CAST('2025-11-01 00:00:00.000000+00' AS TIMESTAMPTZ)) AND ("e"."event_time" <= CAST('2026-11-01 00:00:00.000000+00' AS TIMESTAMPTZ))) THEN 1 END) AS "x4",
    MAX(CASE WHEN (("e"."event_time" > CAST('2025-11-01 00:00:00.000000+00' AS TIMESTAMPTZ)) AND ("e"."event_time" <= CAST('2026-11-01 00:00:00.000000+00' AS TIMESTAMPTZ))) THEN "e"."event_time" END) AS "x5",
    SUM(CASE WHEN (("e"."event_time" > CAST('2025-11-01 00:00:00.000000+00' AS TIMESTAMPTZ)) AND ("e"."event_time" <= CAST('2026-11-01 00:00:00.000000+00' AS TIMESTAMPTZ))) THEN CAST("e"."amount" AS DOUBLE) END) AS "x6"
  FROM "events_purchase" AS "e"
  GROUP BY "e"."customer_id"
),
"ev1" AS (
  SELECT "e"."customer_id" AS "k",
    COUNT(CASE WHEN ((("e"."event_time" > CAST('2026-10-02 00:00:00.000000+00' AS TIMESTAMPTZ)) AND ("e"."event_time" <= CAST('2026-11-01 00:00:00.000000+00' AS TIMESTAMPTZ))) AND ("e"."campaign" = 'newsletter')) THEN 1 END) AS "x0",
    COUNT(CASE WHEN (("e"."event_time" > CAST('2026-10-02 00:00:00.000000+00' AS TIMESTAMPTZ)) AND ("e"."event_time" <= CAST('2026-11-01 00:00:00.000000+00' AS TIMESTAMPTZ))) THEN 1 END) AS "x1"
  FROM "events_email_open" AS "e"
  GROUP BY "e"."customer_id"
),
"ev2" AS (
  SELECT "e"."customer_id" AS "k",
    COUNT(CASE WHEN ((("e"."event_time" > CAST('2026-10-02 00:00:00.000000+00' AS TIMESTAMPTZ)) AND ("e"."event_time" <= CAST('2026-11-01 00:00:00.000000+00' AS TIMESTAMPTZ))) AND ("e"."path" LIKE '/pricing%' ESCAPE '!')) THEN 1 END) AS "x0"
  FROM "events_page_view" AS "e"
  GROUP BY "e"."customer_id"
),
"base" AS (
  SELECT "c"."id" AS "id",
    "c"."age" AS "a0",
    "c"."country" AS "a1",
    "c"."location_lat" AS "a14_lat",
    "c"."location_lon" AS "a14_lon",
    "c"."industry" AS "a4",
    "c"."employees" AS "a5",
    "c"."companySize" AS "a6",
    "c"."revenue" AS "a7",
    "c"."techStack" AS "a13",
    "c"."device" AS "a12",
    "c"."tags" AS "a11",
    COALESCE("ev0"."x0", 0) AS "e11",
    COALESCE("ev0"."x1", 0) AS "e12",
    COALESCE("ev0"."x2", 0) AS "e13",
    "c"."emailOptIn" AS "a10",
    COALESCE("ev1"."x0", 0) AS "e15",
    COALESCE("ev2"."x0", 0) AS "e16",
    COALESCE("ev0"."x3", CAST('0.0' AS DOUBLE)) AS "e17",
    "c"."signupDate" AS "a8",
    "c"."lastSeen" AS "a9",
    COALESCE("ev1"."x1", 0) AS "e20",
    COALESCE("ev0"."x4", 0) AS "e21",
    ((1793491200000000 - epoch_us("ev0"."x5")) // 86400000000) AS "e22",
    COALESCE("ev0"."x6", CAST('0.0' AS DOUBLE)) AS "e23"
  FROM "customers" AS "c"
  LEFT JOIN "ev0" ON "ev0"."k" = "c"."id"
  LEFT JOIN "ev1" ON "ev1"."k" = "c"."id"
  LEFT JOIN "ev2" ON "ev2"."k" = "c"."id"
),
"rfm" AS (
  SELECT *,
    CASE WHEN "e21" = 0 THEN NULL WHEN (CASE WHEN ("e22" <= 14) THEN 5 WHEN ("e22" <= 30) THEN 4 WHEN ("e22" <= 90) THEN 3 WHEN ("e22" <= 180) THEN 2 ELSE 1 END) >= 4 AND (((CASE WHEN ("e21" <= 1) THEN 1 WHEN ("e21" <= 2) THEN 2 WHEN ("e21" <= 4) THEN 3 WHEN ("e21" <= 8) THEN 4 ELSE 5 END) + (CASE WHEN ("e23" <= CAST('50.0' AS DOUBLE)) THEN 1 WHEN ("e23" <= CAST('150.0' AS DOUBLE)) THEN 2 WHEN ("e23" <= CAST('400.0' AS DOUBLE)) THEN 3 WHEN ("e23" <= CAST('1000.0' AS DOUBLE)) THEN 4 ELSE 5 END) + 1) // 2) >= 4 THEN 0 WHEN (CASE WHEN ("e22" <= 14) THEN 5 WHEN ("e22" <= 30) THEN 4 WHEN ("e22" <= 90) THEN 3 WHEN ("e22" <= 180) THEN 2 ELSE 1 END) = 3 AND (((CASE WHEN ("e21" <= 1) THEN 1 WHEN ("e21" <= 2) THEN 2 WHEN ("e21" <= 4) THEN 3 WHEN ("e21" <= 8) THEN 4 ELSE 5 END) + (CASE WHEN ("e23" <= CAST('50.0' AS DOUBLE)) THEN 1 WHEN ("e23" <= CAST('150.0' AS DOUBLE)) THEN 2 WHEN ("e23" <= CAST('400.0' AS DOUBLE)) THEN 3 WHEN ("e23" <= CAST('1000.0' AS DOUBLE)) THEN 4 ELSE 5 END) + 1) // 2) >= 4 THEN 1 WHEN (CASE WHEN ("e22" <= 14) THEN 5 WHEN ("e22" <= 30) THEN 4 WHEN ("e22" <= 90) THEN 3 WHEN ("e22" <= 180) THEN 2 ELSE 1 END) = 1 AND (((CASE WHEN ("e21" <= 1) THEN 1 WHEN ("e21" <= 2) THEN 2 WHEN ("e21" <= 4) THEN 3 WHEN ("e21" <= 8) THEN 4 ELSE 5 END) + (CASE WHEN ("e23" <= CAST('50.0' AS DOUBLE)) THEN 1 WHEN ("e23" <= CAST('150.0' AS DOUBLE)) THEN 2 WHEN ("e23" <= CAST('400.0' AS DOUBLE)) THEN 3 WHEN ("e23" <= CAST('1000.0' AS DOUBLE)) THEN 4 ELSE 5 END) + 1) // 2) >= 4 THEN 2 WHEN ((CASE WHEN ("e22" <= 14) THEN 5 WHEN ("e22" <= 30) THEN 4 WHEN ("e22" <= 90) THEN 3 WHEN ("e22" <= 180) THEN 2 ELSE 1 END) = 2 AND (((CASE WHEN ("e21" <= 1) THEN 1 WHEN ("e21" <= 2) THEN 2 WHEN ("e21" <= 4) THEN 3 WHEN ("e21" <= 8) THEN 4 ELSE 5 END) + (CASE WHEN ("e23" <= CAST('50.0' AS DOUBLE)) THEN 1 WHEN ("e23" <= CAST('150.0' AS DOUBLE)) THEN 2 WHEN ("e23" <= CAST('400.0' AS DOUBLE)) THEN 3 WHEN ("e23" <= CAST('1000.0' AS DOUBLE)) THEN 4 ELSE 5 END) + 1) // 2) >= 3) OR ((CASE WHEN ("e22" <= 14) THEN 5 WHEN ("e22" <= 30) THEN 4 WHEN ("e22" <= 90) THEN 3 WHEN ("e22" <= 180) THEN 2 ELSE 1 END) = 1 AND (((CASE WHEN ("e21" <= 1) THEN 1 WHEN ("e21" <= 2) THEN 2 WHEN ("e21" <= 4) THEN 3 WHEN ("e21" <= 8) THEN 4 ELSE 5 END) + (CASE WHEN ("e23" <= CAST('50.0' AS DOUBLE)) THEN 1 WHEN ("e23" <= CAST('150.0' AS DOUBLE)) THEN 2 WHEN ("e23" <= CAST('400.0' AS DOUBLE)) THEN 3 WHEN ("e23" <= CAST('1000.0' AS DOUBLE)) THEN 4 ELSE 5 END) + 1) // 2) = 3) THEN 3 WHEN (CASE WHEN ("e22" <= 14) THEN 5 WHEN ("e22" <= 30) THEN 4 WHEN ("e22" <= 90) THEN 3 WHEN ("e22" <= 180) THEN 2 ELSE 1 END) >= 4 AND (((CASE WHEN ("e21" <= 1) THEN 1 WHEN ("e21" <= 2) THEN 2 WHEN ("e21" <= 4) THEN 3 WHEN ("e21" <= 8) THEN 4 ELSE 5 END) + (CASE WHEN ("e23" <= CAST('50.0' AS DOUBLE)) THEN 1 WHEN ("e23" <= CAST('150.0' AS DOUBLE)) THEN 2 WHEN ("e23" <= CAST('400.0' AS DOUBLE)) THEN 3 WHEN ("e23" <= CAST('1000.0' AS DOUBLE)) THEN 4 ELSE 5 END) + 1) // 2) >= 2 THEN 4 WHEN (CASE WHEN ("e22" <= 14) THEN 5 WHEN ("e22" <= 30) THEN 4 WHEN ("e22" <= 90) THEN 3 WHEN ("e22" <= 180) THEN 2 ELSE 1 END) = 3 AND (((CASE WHEN ("e21" <= 1) THEN 1 WHEN ("e21" <= 2) THEN 2 WHEN ("e21" <= 4) THEN 3 WHEN ("e21" <= 8) THEN 4 ELSE 5 END) + (CASE WHEN ("e23" <= CAST('50.0' AS DOUBLE)) THEN 1 WHEN ("e23" <= CAST('150.0' AS DOUBLE)) THEN 2 WHEN ("e23" <= CAST('400.0' AS DOUBLE)) THEN 3 WHEN ("e23" <= CAST('1000.0' AS DOUBLE)) THEN 4 ELSE 5 END) + 1) // 2) = 3 THEN 5 WHEN (CASE WHEN ("e22" <= 14) THEN 5 WHEN ("e22" <= 30) THEN 4 WHEN ("e22" <= 90) THEN 3 WHEN ("e22" <= 180) THEN 2 ELSE 1 END) = 5 THEN 6 WHEN (CASE WHEN ("e22" <= 14) THEN 5 WHEN ("e22" <= 30) THEN 4 WHEN ("e22" <= 90) THEN 3 WHEN ("e22" <= 180) THEN 2 ELSE 1 END) = 4 THEN 7 WHEN (CASE WHEN ("e22" <= 14) THEN 5 WHEN ("e22" <= 30) THEN 4 WHEN ("e22" <= 90) THEN 3 WHEN ("e22" <= 180) THEN 2 ELSE 1 END) = 3 THEN 8 WHEN (CASE WHEN ("e22" <= 14) THEN 5 WHEN ("e22" <= 30) THEN 4 WHEN ("e22" <= 90) THEN 3 WHEN ("e22" <= 180) THEN 2 ELSE 1 END) = 2 THEN 9 ELSE 10 END AS "r0",
    CASE WHEN "e21" = 0 THEN NULL ELSE (CASE WHEN ("e22" <= 14) THEN 5 WHEN ("e22" <= 30) THEN 4 WHEN ("e22" <= 90) THEN 3 WHEN ("e22" <= 180) THEN 2 ELSE 1 END) * 100 + (CASE WHEN ("e21" <= 1) THEN 1 WHEN ("e21" <= 2) THEN 2 WHEN ("e21" <= 4) THEN 3 WHEN ("e21" <= 8) THEN 4 ELSE 5 END) * 10 + (CASE WHEN ("e23" <= CAST('50.0' AS DOUBLE)) THEN 1 WHEN ("e23" <= CAST('150.0' AS DOUBLE)) THEN 2 WHEN ("e23" <= CAST('400.0' AS DOUBLE)) THEN 3 WHEN ("e23" <= CAST('1000.0' AS DOUBLE)) THEN 4 ELSE 5 END) END AS "rs0"
  FROM "base"
),
"l1" AS (
  SELECT *,
    (("a0" >= 18) AND ("a0" <= 29)) AS "s0",
    ("a0" >= 60) AS "s1",
    ("a1" IN ('FI', 'SE', 'NO', 'DK')) AS "s2",
    (CASE WHEN "a14_lat" IS NULL THEN CAST(NULL AS BOOLEAN) WHEN "a14_lat" = CAST('60.1699' AS DOUBLE) AND "a14_lon" = CAST('24.9384' AS DOUBLE) THEN TRUE WHEN (2 * CAST('6371.0088' AS DOUBLE) * asin(least(CAST('1.0' AS DOUBLE), sqrt((sin((CAST('1.050162865595736' AS DOUBLE) - ("a14_lat" * CAST('0.017453292519943295' AS DOUBLE))) / 2) * sin((CAST('1.050162865595736' AS DOUBLE) - ("a14_lat" * CAST('0.017453292519943295' AS DOUBLE))) / 2) + cos(("a14_lat" * CAST('0.017453292519943295' AS DOUBLE))) * cos(CAST('1.050162865595736' AS DOUBLE)) * sin(((CAST('24.9384' AS DOUBLE) - "a14_lon") * CAST('0.017453292519943295' AS DOUBLE)) / 2) * sin(((CAST('24.9384' AS DOUBLE) - "a14_lon") * CAST('0.017453292519943295' AS DOUBLE)) / 2)))))) <= CAST('29.999' AS DOUBLE) THEN TRUE WHEN (2 * CAST('6371.0088' AS DOUBLE) * asin(least(CAST('1.0' AS DOUBLE), sqrt((sin((CAST('1.050162865595736' AS DOUBLE) - ("a14_lat" * CAST('0.017453292519943295' AS DOUBLE))) / 2) * sin((CAST('1.050162865595736' AS DOUBLE) - ("a14_lat" * CAST('0.017453292519943295' AS DOUBLE))) / 2) + cos(("a14_lat" * CAST('0.017453292519943295' AS DOUBLE))) * cos(CAST('1.050162865595736' AS DOUBLE)) * sin(((CAST('24.9384' AS DOUBLE) - "a14_lon") * CAST('0.017453292519943295' AS DOUBLE)) / 2) * sin(((CAST('24.9384' AS DOUBLE) - "a14_lon") * CAST('0.017453292519943295' AS DOUBLE)) / 2)))))) > CAST('30.001' AS DOUBLE) THEN FALSE ELSE CAST(error('segment "near-helsinki" at /segments/3/where: a point is within 1 m of the 30.0 km boundary, where DuckDB''s trigonometry may round differently from the library''s; evaluate it with the library') AS BOOLEAN) END) AS "s3",
    (("a4" IN ('restaurant', 'hotel')) AND ("a5" < 50)) AS "s4",
    (("a6" IN ('large', 'enterprise')) OR ("a7" >= CAST('1.0E7' AS DOUBLE))) AS "s5",
    (list_has_any("a13", CAST(['magento', 'shopify', 'woocommerce'] AS VARCHAR[]))) AS "s6",
    (("a12" IN ('ios', 'android')) AND (list_has_any("a11", CAST(['app-user', 'mobile'] AS VARCHAR[])))) AS "s7",
    ("e11" >= 3) AS "s8",
    ("e12" = 1) AS "s9",
    (("e12" >= 1) AND ("e13" = 0)) AS "s10",
    (("a10" = TRUE) AND ("e15" >= 1)) AS "s11",
    ("e16" >= 1) AS "s12",
    ("e17" > CAST('1000.0' AS DOUBLE)) AS "s13",
    (("a8" > CAST('2026-10-02' AS DATE)) AND ("a8" <= CAST('2026-11-01' AS DATE))) AS "s14",
    ((EXTRACT(MONTH FROM "a8") = 11) AND ("a8" <= CAST('2025-12-01' AS DATE))) AS "s15",
    CASE WHEN ("e17" >= CAST('2000.0' AS DOUBLE)) THEN 0 WHEN ("e17" >= CAST('500.0' AS DOUBLE)) THEN 1 WHEN ("e17" >= CAST('100.0' AS DOUBLE)) THEN 2 ELSE 3 END AS "t0",
    CASE WHEN (("a5" >= 250) OR ("a7" >= CAST('5.0E7' AS DOUBLE))) THEN 0 WHEN ("a5" >= 50) THEN 1 WHEN ("a5" IS NOT NULL) THEN 2 ELSE 3 END AS "t1"
  FROM "rfm"
),
"l2" AS (
  SELECT *,
    ((("t0" = 0) OR ("t0" = 1)) AND ("a9" <= CAST('2026-09-02 00:00:00.000000+00' AS TIMESTAMPTZ))) AS "s16",
    least((((CAST('0.0' AS DOUBLE) + CASE WHEN ("a9" <= CAST('2026-05-05 00:00:00.000000+00' AS TIMESTAMPTZ)) THEN CAST('-30.0' AS DOUBLE) ELSE CAST('0.0' AS DOUBLE) END) + (((CAST('0.0' AS DOUBLE) + CASE WHEN (list_has_any("a11", CAST(['b2b'] AS VARCHAR[]))) THEN CAST('20.0' AS DOUBLE) ELSE CAST('0.0' AS DOUBLE) END) + CASE WHEN ("a5" >= 50) THEN CAST('25.0' AS DOUBLE) ELSE CAST('0.0' AS DOUBLE) END) + CASE WHEN (list_has_any("a13", CAST(['hubspot', 'salesforce'] AS VARCHAR[]))) THEN CAST('10.0' AS DOUBLE) ELSE CAST('0.0' AS DOUBLE) END)) + least(((CAST('0.0' AS DOUBLE) + CASE WHEN "s12" THEN CAST('25.0' AS DOUBLE) ELSE CAST('0.0' AS DOUBLE) END) + CASE WHEN ("e20" >= 1) THEN CAST('15.0' AS DOUBLE) ELSE CAST('0.0' AS DOUBLE) END), CAST('40.0' AS DOUBLE))), CAST('100.0' AS DOUBLE)) AS "sc0"
  FROM "l1"
),
"l3" AS (
  SELECT *,
    (("sc0" >= CAST('50.0' AS DOUBLE)) AND (NOT "s13")) AS "s17"
  FROM "l2"
),
"result" AS (SELECT * FROM "l3")
SELECT "id",
  "s0" AS "segment:young-adults",
  "s1" AS "segment:seniors",
  "s2" AS "segment:nordics",
  "s3" AS "segment:near-helsinki",
  "s4" AS "segment:small-hospitality",
  "s5" AS "segment:enterprise-accounts",
  "s6" AS "segment:ecommerce-stack",
  "s7" AS "segment:mobile-first",
  "s8" AS "segment:repeat-buyers-90d",
  "s9" AS "segment:one-time-buyers",
  "s10" AS "segment:lapsed-buyers",
  "s11" AS "segment:newsletter-readers",
  "s12" AS "segment:pricing-visitors",
  "s13" AS "segment:big-spenders",
  "s14" AS "segment:new-customers",
  "s15" AS "segment:signup-anniversary",
  "s16" AS "segment:vip-at-risk",
  "s17" AS "segment:hot-leads",
  "sc0" AS "score:lead-score",
  CASE "t0" WHEN 0 THEN 'platinum' WHEN 1 THEN 'gold' WHEN 2 THEN 'silver' WHEN 3 THEN 'bronze' END AS "tiering:value-tier",
  CASE "t1" WHEN 0 THEN 'large' WHEN 1 THEN 'medium' WHEN 2 THEN 'small' WHEN 3 THEN 'consumer' END AS "tiering:account-size",
  CASE "r0" WHEN 0 THEN 'champions' WHEN 1 THEN 'loyal' WHEN 2 THEN 'cannotLoseThem' WHEN 3 THEN 'atRisk' WHEN 4 THEN 'potentialLoyalist' WHEN 5 THEN 'needAttention' WHEN 6 THEN 'new' WHEN 7 THEN 'promising' WHEN 8 THEN 'aboutToSleep' WHEN 9 THEN 'hibernating' WHEN 10 THEN 'lost' END AS "rfm:purchase-rfm",
  "rs0" AS "rfm-scores:purchase-rfm"
FROM "result"
ORDER BY "id"
