-- Existing rows get their folded search text (the application maintains it from now on):
-- lower-case name, short name and credit code joined by U+0001, as search-tokens.ts folds them.
-- Full-width forms are rare in stored names; rows that have them are refreshed on their next write.
UPDATE enterprises SET search_text = lower(replace(name, ' ', '')) || chr(1) || lower(replace(coalesce(short_name, ''), ' ', '')) || chr(1) || lower(credit_code) WHERE search_text = '';
--> statement-breakpoint
-- The registry is read-mostly: without a pending list, searches right after an import stay index-fast.
ALTER INDEX enterprises_search_tokens_gin SET (fastupdate = off);
