import { resolve } from 'node:path';
import { z } from 'zod';

/** The only reader of process.env. Fails fast, listing every bad variable. */
const Env = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
    .optional(),
  DEMO_DATA: z.enum(['0', '1', 'auto']).default('auto'),
  SESSION_TTL_HOURS: z.coerce.number().min(0.1).max(24 * 30).default(12),
  SECURE_COOKIES: z.enum(['0', '1']).default('0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024),
  UPLOAD_LIMIT_BYTES: z.coerce.number().int().min(1024).default(10 * 1024 * 1024),
  WEB_DIST: z.string().optional(),
});

export type Config = {
  port: number;
  host: string;
  db: { engine: 'postgres'; url: string } | { engine: 'pglite'; dataDir: string };
  /** 'auto' = seed demo data only into an empty embedded database. */
  demoData: 'on' | 'off' | 'auto';
  sessionTtlMs: number;
  secureCookies: boolean;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  bodyLimit: number;
  uploadLimit: number;
  webDist: string | null;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    db: e.DATABASE_URL ? { engine: 'postgres', url: e.DATABASE_URL } : { engine: 'pglite', dataDir: resolve(e.DATA_DIR) },
    demoData: e.DEMO_DATA === '1' ? 'on' : e.DEMO_DATA === '0' ? 'off' : 'auto',
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
    secureCookies: e.SECURE_COOKIES === '1',
    logLevel: e.LOG_LEVEL,
    bodyLimit: e.BODY_LIMIT_BYTES,
    uploadLimit: e.UPLOAD_LIMIT_BYTES,
    webDist: e.WEB_DIST ?? null,
  };
}
