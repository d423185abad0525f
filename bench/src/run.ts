/** `npm run bench -- <scenario>`: dispatches to a benchmark scenario. */
export {};
const scenarios: Record<string, { describe: string; run: () => Promise<void> }> = {
  registry: {
    describe: '40,000 enterprises on PostgreSQL and PGlite: list, Chinese search, detail (autocannon), embedded cold start',
    run: async () => (await import('./registry.js')).runRegistry(),
  },
  policies: {
    describe: '政策计算器 on PostgreSQL: 40,000 enterprises × 300 policies — one-policy recompute, live enterprise check, full recompute, preview, public search',
    run: async () => (await import('./policies.js')).runPolicies(),
  },
  requests: {
    describe: 'intake (app vs raw node-postgres), lists over 1,000,000 requests with EXPLAIN, SLA sweep over 100,000, PGlite intake',
    run: async () => (await import('./requests.js')).runRequests(),
  },
};

const scenarioName = process.argv[2];
const scenario = scenarioName ? scenarios[scenarioName] : undefined;
if (!scenario) {
  console.error(`Usage: npm run bench -- <scenario>\n\nScenarios:\n${Object.entries(scenarios).map(([k, v]) => `  ${k.padEnd(10)} ${v.describe}`).join('\n')}\n\nSee bench/README.md for the environment variables.`);
  process.exit(scenarioName ? 1 : 2);
}
try {
  await scenario.run();
  process.exit(0);
} catch (err) {
  console.error(err);
  process.exit(1);
}
