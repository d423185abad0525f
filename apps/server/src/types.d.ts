import type { Config } from './config.js';
import type { Actor } from './core/actor.js';
import type { Db } from './core/db.js';
import type { EventBus } from './core/events.js';
import type { NotificationAdapter } from './modules/notifications/notifications.service.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    clock: () => Date;
    appConfig: Config;
    bus: EventBus;
    notificationAdapters: NotificationAdapter[];
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session. */
    public?: boolean;
  }
}
