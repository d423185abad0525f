import type { FastifyBaseLogger } from 'fastify';
import type { Job } from '../../core/jobs.js';
import type { EventBus } from '../../core/events.js';
import { deliver, type NotificationAdapter, type NotificationRow } from '../notifications/index.js';
import { autoCloseUnrated } from './auto-close.js';
import { slaSweep } from './sweep.js';

/** The periodic jobs of the request process (one advisory lock each, see core/jobs.ts). */
export function slaJobs(bus: EventBus, adapters: NotificationAdapter[], log: FastifyBaseLogger): Job[] {
  return [
    {
      name: 'sla-sweep',
      everyMs: 60_000,
      run: (tx, now) => slaSweep(tx, now),
      after: (rows) => deliver(rows as NotificationRow[], bus, adapters, log),
    },
    { name: 'auto-close-unrated', everyMs: 15 * 60_000, run: (tx, now) => autoCloseUnrated(tx, now) },
  ];
}
export { slaSweep } from './sweep.js';
export { autoCloseUnrated } from './auto-close.js';
