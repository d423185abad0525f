import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db, Tx } from './db.js';
import { rowsOf } from './db.js';

export type Job = {
  name: string;
  everyMs: number;
  /** Runs inside a transaction that holds the job's advisory lock. */
  run(tx: Tx, now: Date): Promise<unknown>;
  /** After the transaction committed (e.g. publish live events, deliver notifications). */
  after?(result: unknown): Promise<void> | void;
};

/** A stable 32-bit key per job name for pg_try_advisory_xact_lock. */
function lockKey(name: string): number {
  let h = 0;
  for (const c of name) h = (Math.imul(h, 31) + c.charCodeAt(0)) | 0;
  return h;
}

/**
 * One tick of a job: only the instance that gets the transaction-scoped advisory lock runs it,
 * so N instances never run the same job concurrently. (Exactly-once effects are guaranteed
 * separately, by unique keys on what the job writes.)
 */
export async function runJobOnce(db: Db, job: Job, now: Date): Promise<{ ran: boolean; result?: unknown }> {
  return db.transaction(async (tx) => {
    const [row] = await rowsOf<{ locked: boolean }>(tx, sql`SELECT pg_try_advisory_xact_lock(${lockKey(job.name)}) AS locked`);
    if (!row?.locked) return { ran: false };
    return { ran: true, result: await job.run(tx, now) };
  });
}

/** Starts the periodic jobs; returns a stop function. Ticks never overlap within an instance. */
export function startJobs(db: Db, jobs: Job[], clock: () => Date, log: FastifyBaseLogger): () => void {
  const timers: NodeJS.Timeout[] = [];
  for (const job of jobs) {
    let busy = false;
    const tick = async () => {
      if (busy) return;
      busy = true;
      try {
        const res = await runJobOnce(db, job, clock());
        if (res.ran) await job.after?.(res.result);
      } catch (err) {
        log.error({ err, job: job.name }, 'job failed');
      } finally {
        busy = false;
      }
    };
    timers.push(setInterval(tick, job.everyMs));
  }
  return () => timers.forEach(clearInterval);
}
