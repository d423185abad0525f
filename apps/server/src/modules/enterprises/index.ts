import type { FastifyInstance } from 'fastify';
import { enterpriseCoreRoutes } from './enterprises.routes.js';
import { rosterRoutes } from './roster/roster.routes.js';

export async function enterpriseRoutes(app: FastifyInstance) {
  await app.register(rosterRoutes);
  await app.register(enterpriseCoreRoutes);
}
export { loadScoped, getDetail } from './enterprises.service.js';
export { canAssignLiaison } from './enterprises.policy.js';
export { searchFieldsFor, searchTokensFor } from './search-tokens.js';
export { canEdit } from './enterprises.policy.js';
export { checkLocation } from './location.js';
