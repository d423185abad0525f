import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { fold, likePattern, ngramsOf, queryTokens } from '../enterprises/search-tokens.js';

/**
 * Chinese search for policies and service guides: the same unigram/bigram scheme as enterprises
 * (modules/enterprises/search-tokens.ts), over more and longer texts. The token array feeds a GIN
 * index; `search_text` (the folded texts joined) is the recheck for queries of 3+ characters.
 */

/** Derived search columns of a set of texts (any may be empty). */
export function searchFieldsOf(texts: readonly string[]) {
  const tokens = new Set<string>();
  for (const t of texts) for (const g of ngramsOf(t)) tokens.add(g);
  // \u0001 between texts: a query never matches across two of them.
  return { searchTokens: [...tokens].sort(), searchText: texts.map(fold).join('\u0001') };
}

/** WHERE conditions for `q` (empty when q is blank). */
export function searchConditions(q: string | undefined, tokensCol: AnyColumn, textCol: AnyColumn): SQL[] {
  const query = q?.trim();
  if (!query) return [];
  const tokens = queryTokens(query);
  if (!tokens.length) return [];
  // The LIKE on the folded text is the exact test; the containment lets the GIN index find the
  // candidates. LIKE comes first: when the planner scans instead (a common bigram such as 研发 in a
  // small table), PostgreSQL evaluates equally cheap quals in the order written, and the token
  // array of a policy is large and TOASTed — rows failing the LIKE never detoast it.
  return [sql`${textCol} LIKE ${likePattern(query)}`, sql`${tokensCol} @> ARRAY[${sql.join(tokens.map((t) => sql`${t}`), sql`, `)}]::text[]`];
}

