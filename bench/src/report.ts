/** Prints result tables and writes the JSON record under bench/results/ (gitignored). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LoadResult } from './load.js';

export type ScenarioRow = {
  engine: string;
  scenario: string;
  path: string;
  /** Rows the query matches (the API's `total`), for search scenarios. */
  matches?: number;
  /** 1-minute load average right after the run: the machine is shared, read the numbers with it. */
  load1: number;
  result: LoadResult;
};

const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '-');

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? padEnd(c, widths[i]!) : padStart(c, widths[i]!))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
/** Display width: CJK characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return w;
}
const padEnd = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));
const padStart = (s: string, w: number) => ' '.repeat(Math.max(0, w - width(s))) + s;

export function printScenarioTable(rows: ScenarioRow[]): void {
  console.log(
    table(
      ['engine', 'scenario', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'requests', 'errors', 'non-2xx', 'matches', 'load1'],
      rows.map((r) => [
        r.engine,
        r.scenario,
        r.result.reqPerSec.toFixed(0),
        ms(r.result.latencyMs.p50),
        ms(r.result.latencyMs.p95),
        ms(r.result.latencyMs.p99),
        ms(r.result.latencyMs.max),
        String(r.result.requests),
        String(r.result.errors + r.result.timeouts),
        String(r.result.non2xx),
        r.matches === undefined ? '' : String(r.matches),
        r.load1.toFixed(1),
      ]),
    ),
  );
}

/** A plain table: first two columns left-aligned, the rest right-aligned (CJK-aware widths). */
export function printTable(headers: string[], rows: string[][]): void {
  console.log(table(headers, rows));
}

export type ColdStartRow = { run: number; note: string; ms: number };

export function printColdStartTable(rows: ColdStartRow[]): void {
  console.log(table(['run', 'note', 'start → /api/health 200 (ms)'], rows.map((r) => [String(r.run), r.note, r.ms.toFixed(0)])));
}

export function writeJson(name: string, record: unknown): string {
  const dir = fileURLToPath(new URL('../results/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = `${dir}${name}-${stamp}.json`;
  writeFileSync(file, JSON.stringify(record, null, 2) + '\n');
  return file;
}
