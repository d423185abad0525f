import { describe, expect, it } from 'vitest';
import { likePattern, ngramsOf, queryTokens, searchTokensFor } from './search-tokens.js';

describe('search tokens', () => {
  it('indexes unigrams and bigrams, folded', () => {
    expect(ngramsOf('园区AB')).toEqual(['园', '园区', '区', '区a', 'a', 'ab', 'b']);
  });
  it('a query needs its bigrams, or its unigram when one character long', () => {
    expect(queryTokens('下水道')).toEqual(['下水', '水道']);
    expect(queryTokens('园')).toEqual(['园']);
    expect(queryTokens('  ')).toEqual([]);
  });
  it('every query token of a substring is among the text tokens', () => {
    const tokens = new Set(searchTokensFor({ name: '株洲长河电力机车科技有限公司', creditCode: '91110000600037341L' }));
    for (const q of ['长河', '机', '电力机车', '0003734', 'l']) for (const t of queryTokens(q)) expect(tokens.has(t)).toBe(true);
  });
  it('escapes LIKE metacharacters', () => {
    expect(likePattern('50%_x')).toBe('%50\\%\\_x%');
  });
});
