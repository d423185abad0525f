/** Starts the real app in-process on loopback, logs in, and drives it with autocannon (in a child process). */
import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../apps/server/src/app.js';
import { loadConfig } from '../../apps/server/src/config.js';
import type { DbHandle } from '../../apps/server/src/core/db.js';
import type { LoadResult, LoadSpec } from './load.js';

export type RunningApp = { app: FastifyInstance; baseUrl: string; close(): Promise<void> };

/** buildApp with the production config shape (logging off), listening on 127.0.0.1 and a free port. */
export async function startApp(handle: DbHandle, dbUrlOrDir: string): Promise<RunningApp> {
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    HOST: '127.0.0.1',
    ...(handle.engine === 'postgres' ? { DATABASE_URL: dbUrlOrDir } : { DATA_DIR: dbUrlOrDir }),
  });
  const app = await buildApp(config, { db: handle.db });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { app, baseUrl: `http://127.0.0.1:${port}`, close: () => app.close() };
}

/** POST /api/v1/auth/login → the `yqt_session=…` cookie pair to send back. */
export async function login(baseUrl: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login as ${username} failed: HTTP ${res.status} ${await res.text()}`);
  const pair = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('yqt_session='));
  if (!pair) throw new Error('login returned no yqt_session cookie');
  return pair;
}

/** One GET with the session, for sanity checks before a run (status and parsed body). */
export async function getJson(baseUrl: string, path: string, cookie: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(baseUrl + path, { headers: { cookie } });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // keep the text
  }
  return { status: res.status, body };
}

const loadScript = fileURLToPath(new URL('./load.ts', import.meta.url));

/** Runs autocannon in a separate Node process so it does not compete for the server's event loop. */
export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', loadScript, JSON.stringify(spec)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`load generator exited with ${code}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').pop()!) as LoadResult);
      } catch (e) {
        reject(new Error(`load generator printed no result: ${String(e)}\n${out}`));
      }
    });
  });
}
