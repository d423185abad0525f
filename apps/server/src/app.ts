import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { sql } from 'drizzle-orm';
import type { Config } from './config.js';
import { registerAuthentication, registerCsrfGuard } from './core/auth.js';
import type { Db } from './core/db.js';
import { createEventBus, type EventBus } from './core/events.js';
import { loggingAdapter, type NotificationAdapter } from './modules/notifications/notifications.service.js';
import { notificationRoutes } from './modules/notifications/index.js';
import { slaAdminRoutes } from './modules/sla/admin.routes.js';
import { registerErrorHandler } from './core/errors.js';
import { auditRoutes } from './modules/audit/index.js';
import { authRoutes } from './modules/auth/index.js';
import { enterpriseRoutes } from './modules/enterprises/index.js';
import { gridRoutes } from './modules/grid/index.js';
import { indicatorRoutes } from './modules/indicators/index.js';
import { metricsRoutes } from './modules/metrics/index.js';
import { parkAdminRoutes, parkRoutes } from './modules/parks/index.js';
import { requestRoutes } from './modules/requests/index.js';
import { staffRoutes } from './modules/staff/index.js';
import { apiKeyRoutes, open311Routes } from './modules/open311/index.js';
import { policyRoutes } from './modules/policies/index.js';
import { serviceGuideRoutes } from './modules/service-guides/index.js';
import { applicationRoutes } from './modules/applications/index.js';

export type AppDeps = { db: Db; clock?: () => Date; bus?: EventBus; notificationAdapters?: NotificationAdapter[] };

export async function buildApp(config: Config, deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    bodyLimit: config.bodyLimit,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: true,
    ajv: undefined,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', deps.db);
  app.decorate('clock', deps.clock ?? (() => new Date()));
  app.decorate('appConfig', config);
  app.decorate('bus', deps.bus ?? (await createEventBus()));
  app.decorate('notificationAdapters', deps.notificationAdapters ?? [loggingAdapter(app.log)]);

  registerErrorHandler(app);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // antd's CSS-in-JS injects <style> elements.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: config.uploadLimit, files: 1, fields: 10 } });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: '园企通 YuanQiTong API', version: '1.0.0', description: '园区企业服务平台 — enterprise service platform for industrial park operators' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'yqt_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  registerCsrfGuard(app);
  registerAuthentication(app, config.sessionTtlMs);

  app.get('/api/health', { schema: { hide: true, response: { 200: z.object({ status: z.literal('ok') }) } } }, async () => {
    await deps.db.execute(sql`SELECT 1`);
    return { status: 'ok' as const };
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(
    async (v1) => {
      await v1.register(authRoutes);
      await v1.register(parkRoutes);
      await v1.register(parkAdminRoutes);
      await v1.register(enterpriseRoutes);
      await v1.register(staffRoutes);
      await v1.register(gridRoutes);
      await v1.register(auditRoutes);
      await v1.register(requestRoutes);
      await v1.register(apiKeyRoutes);
      await v1.register(metricsRoutes);
      await v1.register(notificationRoutes);
      await v1.register(slaAdminRoutes);
      await v1.register(indicatorRoutes);
      await v1.register(policyRoutes);
      await v1.register(serviceGuideRoutes);
      await v1.register(applicationRoutes);
    },
    { prefix: '/api/v1' },
  );

  await app.register(open311Routes, { prefix: '/open311' });

  const webDist = config.webDist && existsSync(join(config.webDist, 'index.html')) ? config.webDist : null;
  // wildcard: files are looked up per request, so a rebuilt console is served without a restart.
  if (webDist) await app.register(fastifyStatic, { root: webDist, wildcard: true, index: ['index.html'] });
  // Unknown /api paths are JSON 404s; other GETs fall back to the SPA shell for client-side routes.
  app.setNotFoundHandler((request, reply) => {
    if (webDist && request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
    return reply.status(404).send({ error: { code: 'NOT_FOUND', message: '接口不存在', details: null, requestId: request.id } });
  });
  return app;
}
