import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import pg from 'pg';

/**
 * Live events for SSE clients. Published in-process; on PostgreSQL also through NOTIFY so every
 * server instance re-emits them to its own clients (LISTEN on one dedicated connection).
 * Delivery is best-effort: state lives in the database, an event only tells a client to refetch.
 */
export type LiveEvent =
  | {
      type: 'request.changed';
      operatorId: string;
      requestId: string;
      status: string;
      parkId: string;
      enterpriseId: string;
      liaisonId: string | null;
      departmentId: string | null;
    }
  | { type: 'notification'; operatorId: string; userId: string; notificationId: string; title: string }
  /** A user's sessions or their scope changed: every instance drops its cached sessions (core/session-cache.ts). Never sent to clients. */
  | { type: 'session.invalidate'; operatorId: string; userId: string; tokenHash?: string | null };

const CHANNEL = 'yqt_events';

export type EventBus = {
  publish(e: LiveEvent): void;
  subscribe(fn: (e: LiveEvent) => void): () => void;
  close(): Promise<void>;
};

export async function createEventBus(pgUrl?: string): Promise<EventBus> {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const instance = randomUUID();
  let client: pg.Client | null = null;
  if (pgUrl) {
    client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    client.on('notification', (msg) => {
      if (!msg.payload) return;
      const { from, event } = JSON.parse(msg.payload) as { from: string; event: LiveEvent };
      if (from !== instance) emitter.emit('event', event);
    });
    client.on('error', () => {}); // a lost LISTEN connection only costs live updates; clients still poll on focus
  }
  return {
    publish(e) {
      emitter.emit('event', e);
      // NOTIFY payloads are limited to 8000 bytes; our events are a few hundred.
      client?.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify({ from: instance, event: e })]).catch(() => {});
    },
    subscribe(fn) {
      emitter.on('event', fn);
      return () => emitter.off('event', fn);
    },
    async close() {
      await client?.end().catch(() => {});
    },
  };
}
