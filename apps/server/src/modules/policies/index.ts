import type { FastifyInstance } from 'fastify';
import { policyAttachmentRoutes } from './attachments.routes.js';
import { followUpRoutes } from './follow-ups.routes.js';
import { policyLibraryRoutes } from './policies.routes.js';

export async function policyRoutes(app: FastifyInstance) {
  await app.register(policyLibraryRoutes);
  await app.register(policyAttachmentRoutes);
  await app.register(followUpRoutes);
}
export { publicCtxOf, publicOperatorId, type PublicCtx } from './public-ctx.js';
export { searchConditions, searchFieldsOf } from './search.js';
export { policySearchFields } from './policy-text.js';
export { snapshotOf } from './policies.mapper.js';
export { pushPolicy } from './push.service.js';
