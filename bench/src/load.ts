/**
 * Load generator, run as a child process (`node --import tsx bench/src/load.ts '<json>'`) so that
 * autocannon does not share an event loop with the server under test. Prints one JSON line.
 *
 * autocannon's own summary has no p95, so every response time is recorded here via setupClient
 * and the percentiles are computed from the raw samples.
 */
import autocannon from 'autocannon';

export type LoadSpec = {
  url: string;
  /** Paths requested in turn by every connection (one path = the same request over and over). */
  paths: string[];
  /** Instead of `paths`: full requests (method, body, per-request headers such as another user's cookie), in turn. */
  requests?: { method?: string; path: string; headers?: Record<string, string>; body?: string }[];
  headers: Record<string, string>;
  connections: number;
  durationSec: number;
};

export type LoadResult = {
  requests: number;
  durationSec: number;
  reqPerSec: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number; mean: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
};

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}

async function main() {
  const spec = JSON.parse(process.argv[2] ?? '{}') as LoadSpec;
  const samples: number[] = [];
  const started = performance.now();
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.durationSec,
    headers: spec.headers,
    requests: spec.requests?.length
      ? spec.requests.map((r) => ({ method: (r.method ?? 'GET') as 'GET', path: r.path, headers: { ...spec.headers, ...r.headers }, body: r.body }))
      : spec.paths.map((path) => ({ method: 'GET', path })),
    setupClient: (client) => {
      client.on('response', (_status: number, _bytes: number, ms: number) => {
        samples.push(ms);
      });
    },
  });
  const elapsed = (performance.now() - started) / 1000;
  const sorted = Float64Array.from(samples).sort();
  const sum = samples.reduce((a, b) => a + b, 0);
  const statusCodes: Record<string, number> = {};
  for (const [code, v] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = (v as { count: number }).count;
  const out: LoadResult = {
    requests: samples.length,
    durationSec: elapsed,
    reqPerSec: samples.length / elapsed,
    latencyMs: {
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted.length ? sorted[sorted.length - 1]! : NaN,
      mean: samples.length ? sum / samples.length : NaN,
    },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes,
  };
  process.stdout.write(JSON.stringify(out) + '\n');
}

await main();
