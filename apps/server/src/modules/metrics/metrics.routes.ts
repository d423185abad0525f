import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf } from '../../core/context.js';
import { requirePermission } from '../../core/rbac.js';
import { MetricsQuery, MetricsResponse } from './metrics.schemas.js';
import { getRequestMetrics } from './metrics.service.js';

export async function metricsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/metrics/requests',
    {
      preHandler: requirePermission('metrics.read'),
      schema: {
        tags: ['metrics'],
        summary: '诉求办理指标（诉求量、及时率、办结率、满意率、回访率、重办率、时长、在办与超期），可按维度分组',
        querystring: MetricsQuery,
        response: { 200: MetricsResponse },
      },
    },
    async (request) => getRequestMetrics(ctxOf(request), request.query),
  );
}
