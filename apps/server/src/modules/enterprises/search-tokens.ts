/**
 * Chinese substring search without a tokenizer: every text is indexed as the set of its
 * character unigrams and bigrams. A query of one character needs its unigram; a longer query
 * needs all of its bigrams (array containment on a GIN index), then ILIKE rechecks the order.
 * Works identically on PGlite and PostgreSQL and needs no extension.
 */
/** Full-width ASCII → half-width, lower case, no whitespace: the form every search text is indexed in. */
export function fold(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toLowerCase()
    .replace(/\s+/g, '');
}

export function ngramsOf(text: string): string[] {
  const chars = Array.from(fold(text));
  const out = new Set<string>();
  for (let i = 0; i < chars.length; i++) {
    out.add(chars[i]!);
    if (i + 1 < chars.length) out.add(chars[i]! + chars[i + 1]!);
  }
  return [...out];
}

export function searchTokensFor(e: { name: string; shortName?: string | null; creditCode: string }): string[] {
  const set = new Set<string>();
  for (const t of [e.name, e.shortName ?? '', e.creditCode]) for (const g of ngramsOf(t)) set.add(g);
  return [...set].sort();
}

/** The derived search columns every writer of name / short name / credit code must refresh. */
export function searchFieldsFor(e: { name: string; shortName?: string | null; creditCode: string }) {
  return { searchTokens: searchTokensFor(e), searchText: [e.name, e.shortName ?? '', e.creditCode].map(fold).join('\u0001') };
}

/** Tokens that every match of `q` must contain. Empty when q is blank. */
export function queryTokens(q: string): string[] {
  const chars = Array.from(fold(q));
  if (chars.length === 0) return [];
  if (chars.length === 1) return [chars[0]!];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return [...out];
}

/** The LIKE pattern for the recheck, with LIKE metacharacters escaped. */
export function likePattern(q: string): string {
  return `%${fold(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
