import { describe, expect, it } from 'vitest';
import { fold, likePattern, queryTokens } from '../enterprises/search-tokens.js';
import { searchFieldsOf } from './search.js';

describe('policy search columns', () => {
  it('folds exactly like the enterprise search (full-width, case, whitespace)', () => {
    expect(fold('ＡＢＣ 研发\t费用 %_\\')).toBe('abc研发费用%_\\');
    for (const s of ['高新技术企业', 'ＲＤ　比例', 'a_b%c']) expect(likePattern(s)).toBe(`%${fold(s).replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  });

  it('indexes each text on its own: a bigram never spans two texts', () => {
    const f = searchFieldsOf(['研发', '费用']);
    expect(f.searchTokens).toEqual(expect.arrayContaining(['研', '发', '研发', '费', '用', '费用']));
    expect(f.searchTokens).not.toContain('发费');
    expect(f.searchText).toBe('研发\u0001费用');
  });

  it('every query token of a contained substring is among the text’s tokens', () => {
    const f = searchFieldsOf(['对首次认定的高新技术企业给予一次性奖励']);
    for (const q of ['高', '高新', '高新技术', '一次性奖励']) for (const tok of queryTokens(q)) expect(f.searchTokens).toContain(tok);
  });
});
