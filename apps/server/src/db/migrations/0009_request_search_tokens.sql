-- Folding and character unigrams/bigrams exactly like modules/enterprises/search-tokens.ts
-- (full-width ASCII to half-width, lower case, no whitespace), so queryTokens() in JS matches them.
CREATE OR REPLACE FUNCTION yqt_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT regexp_replace(lower(translate(t, '！＂＃＄％＆＇（）＊＋，－．／０１２３４５６７８９：；＜＝＞？＠ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ［＼］＾＿｀ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ｛｜｝～', '!"#$%&''()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\]^_`abcdefghijklmnopqrstuvwxyz{|}~')), '[[:space:]　]+', '', 'g')
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION yqt_ngrams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT g ORDER BY g), '{}'::text[])
    FROM (SELECT yqt_fold(t) AS f) x,
         LATERAL (SELECT substr(x.f, i, 1) AS g FROM generate_series(1, length(x.f)) i
                  UNION ALL
                  SELECT substr(x.f, i, 2) FROM generate_series(1, length(x.f) - 1) i) s
$$;
--> statement-breakpoint
ALTER TABLE "service_requests" ADD COLUMN "search_tokens" text[] GENERATED ALWAYS AS (yqt_ngrams(title || number)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "service_requests_search_gin" ON "service_requests" USING gin ("search_tokens");