import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** e.g. http://127.0.0.1:41234 — the server started for this run. */
    baseUrl: string;
    /** e2e/screenshots/<ISO timestamp>/ — where shot() writes PNGs. */
    shotDir: string;
  }
}

const root = fileURLToPath(new URL('..', import.meta.url));
const HEALTH_TIMEOUT_MS = 120_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let exited: string | null = null;
  child.once('exit', (code, signal) => (exited = `exited with code ${code} signal ${signal}`));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`e2e server ${exited} before becoming healthy. Output:\n${output()}`);
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`e2e server not healthy after ${HEALTH_TIMEOUT_MS / 1000} s (${url}/api/health). Output:\n${output()}`);
}

export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), 'yqt-e2e-data-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let out = '';
  const keep = (chunk: Buffer) => {
    out += chunk.toString();
    if (out.length > 200_000) out = out.slice(-100_000);
  };

  // One process (no npx wrapper), so killing it leaves nothing behind.
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const gone = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await gone;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseUrl, child, () => out);
  } catch (err) {
    await stop();
    throw err;
  }
  console.log(`[e2e] server ready at ${baseUrl} (DATA_DIR ${dataDir})`);

  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const shotDir = join(root, 'e2e', 'screenshots', stamp);
  mkdirSync(shotDir, { recursive: true });

  project.provide('baseUrl', baseUrl);
  project.provide('shotDir', shotDir);

  return async () => {
    await stop();
    if (process.env.E2E_SERVER_LOG === '1') console.log(`[e2e] server output:\n${out}`);
    console.log(`\n[e2e] screenshots: ${shotDir}\n`);
  };
}
