import { IdParams } from '@yqt/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../core/context.js';
import { requirePermission } from '../../core/rbac.js';
import { ApiKey, ApiKeyCreate, ApiKeyIssued } from './api-keys.schemas.js';
import { deactivateKey, issueKey, listKeys } from './api-keys.service.js';

/** Administration of Open311 API keys (under /api/v1; administrators only). */
export async function apiKeyRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['open311'];
  const preHandler = requirePermission('apikeys.manage');

  app.get(
    '/api-keys',
    { preHandler, schema: { tags, summary: 'Open311 API 密钥列表', response: { 200: z.object({ items: z.array(ApiKey) }) } } },
    async (request) => ({ items: await listKeys(ctxOf(request)) }),
  );

  app.post(
    '/api-keys',
    {
      preHandler,
      schema: { tags, summary: '签发 API 密钥（对应一家企业或一个渠道；明文只在此返回一次）', body: ApiKeyCreate, response: { 201: ApiKeyIssued } },
    },
    async (request, reply) => reply.status(201).send(await issueKey(ctxOf(request), request.body)),
  );

  app.delete(
    '/api-keys/:id',
    { preHandler, schema: { tags, summary: '停用 API 密钥', params: IdParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await deactivateKey(ctxOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
