import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { rowsOf } from '../../core/db.js';
import { ngramsOf } from '../enterprises/search-tokens.js';

const t = useTestApp();

async function submit(title: string) {
  const cats = (await t.req('admin', { method: 'GET', url: '/api/v1/request-categories' })).json().items;
  const res = await t.req('contact', {
    method: 'POST',
    url: '/api/v1/requests',
    payload: { kind: 'repair', categoryId: cats.find((c: { code: string }) => c.code === 'property.repair').id, title, description: '详见标题' },
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; number: string };
}
const search = async (q: string) =>
  ((await t.req('admin', { method: 'GET', url: `/api/v1/requests?q=${encodeURIComponent(q)}&pageSize=50` })).json().items as { title: string }[]).map((r) => r.title).sort();

describe('request search (n-gram index over title and number)', () => {
  it('finds Chinese substrings of any length, full-width input and number fragments; order of characters matters', async () => {
    await submit('3号厂房屋顶漏水');
    await submit('办公楼电梯故障（Ａ座）');
    await submit('水漏了一地');
    const r = await submit('门禁卡无法使用');
    expect(await search('漏')).toEqual(['3号厂房屋顶漏水', '水漏了一地']);
    expect(await search('漏水')).toEqual(['3号厂房屋顶漏水']); // 水漏 holds both characters but not in this order
    expect(await search('屋顶漏水')).toEqual(['3号厂房屋顶漏水']);
    expect(await search('(a座)')).toEqual(['办公楼电梯故障（Ａ座）']); // half-width query, full-width title
    expect(await search('（Ａ')).toEqual(['办公楼电梯故障（Ａ座）']);
    expect(await search(r.number.slice(-7).toLowerCase())).toEqual(['门禁卡无法使用']);
    expect(await search('漏电')).toEqual([]);
  });

  it('the database tokenizer (yqt_ngrams) yields the same set as the JS one for any text', async () => {
    const chars = fc.constantFrom(...'漏水门禁卡ＡＢａｂAbc 12（）()　号楼%_\\'.split(''));
    await fc.assert(
      fc.asyncProperty(fc.array(chars, { maxLength: 12 }).map((a) => a.join('')), async (text) => {
        const [row] = await rowsOf<{ g: string[] }>(t.handle.db, sql`SELECT yqt_ngrams(${text}) AS g`);
        expect([...new Set(row!.g)].sort()).toEqual(ngramsOf(text).sort());
      }),
      { numRuns: 60 },
    );
  });
});
