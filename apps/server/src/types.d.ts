import type { Config } from './config.js';
import type { Actor } from './core/actor.js';
import type { Db } from './core/db.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    clock: () => Date;
    appConfig: Config;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session. */
    public?: boolean;
  }
}
