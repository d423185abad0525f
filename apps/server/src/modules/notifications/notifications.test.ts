import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';

const t = useTestApp();

async function submit() {
  const cats = (await t.req('admin', { method: 'GET', url: '/api/v1/request-categories' })).json().items;
  return (
    await t.req('contact', {
      method: 'POST',
      url: '/api/v1/requests',
      payload: { kind: 'consultation', categoryId: cats[0].id, title: '政策咨询', description: '高企认定的条件？' },
    })
  ).json();
}

describe('notifications', () => {
  it('tells the responsible officer about a new request, and the enterprise about a public reply', async () => {
    const r = await submit();
    const mine = (await t.req('liaison1', { method: 'GET', url: '/api/v1/notifications' })).json();
    expect(mine.unread).toBeGreaterThan(0);
    expect(mine.items[0]).toMatchObject({ kind: 'request.submit', requestId: r.id });
    await t.req('liaison1', { method: 'POST', url: `/api/v1/requests/${r.id}/actions/accept`, payload: { version: r.version } });
    const theirs = (await t.req('contact', { method: 'GET', url: '/api/v1/notifications?unread=true' })).json();
    expect(theirs.items[0]).toMatchObject({ kind: 'request.accept', title: expect.stringContaining(r.number) });
  });

  it('marks one or all as read; another user’s notification is a 404', async () => {
    const { items } = (await t.req('liaison1', { method: 'GET', url: '/api/v1/notifications' })).json();
    expect((await t.req('contact', { method: 'POST', url: `/api/v1/notifications/${items[0].id}/read` })).statusCode).toBe(404);
    expect((await t.req('liaison1', { method: 'POST', url: `/api/v1/notifications/${items[0].id}/read` })).statusCode).toBe(200);
    await t.req('liaison1', { method: 'POST', url: '/api/v1/notifications/read-all' });
    expect((await t.req('liaison1', { method: 'GET', url: '/api/v1/notifications' })).json().unread).toBe(0);
    expect((await t.req(null, { method: 'GET', url: '/api/v1/notifications' })).statusCode).toBe(401);
  });

  it('streams request changes over SSE only to users who may see the request', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const addr = t.app.server.address() as { port: number };
    const open = async (user: string) => {
      const ctrl = new AbortController();
      const res = await fetch(`http://127.0.0.1:${addr.port}/api/v1/events`, { headers: { cookie: await t.as(user) }, signal: ctrl.signal });
      const reader = res.body!.getReader();
      let text = '';
      const read = (async () => {
        try {
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            text += new TextDecoder().decode(value);
          }
        } catch {
          /* aborted */
        }
      })();
      return { res, stop: async () => (ctrl.abort(), await read, text) };
    };
    const officer = await open('liaison1');
    const outsider = await open('liaison2');
    expect(officer.res.headers.get('content-type')).toContain('text/event-stream');
    const r = await submit();
    await new Promise((ok) => setTimeout(ok, 200));
    const [seen, notSeen] = [await officer.stop(), await outsider.stop()];
    expect(seen).toContain(`"requestId":"${r.id}"`);
    expect(seen).toContain('event: notification');
    expect(notSeen).not.toContain(r.id);
  });
});
