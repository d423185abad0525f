import type { FastifyInstance } from 'fastify';
import { eligibilityRoutes } from '../eligibility/index.js';
import { indicatorCoreRoutes } from './indicators.routes.js';

/**
 * Enterprise indicators and qualifications, plus the eligibility routes that read them
 * (policy matches, rule preview): one registration in app.ts for the whole 政策计算器 backend.
 */
export async function indicatorRoutes(app: FastifyInstance) {
  await app.register(indicatorCoreRoutes);
  await app.register(eligibilityRoutes);
}
export { getIndicators, yearRange } from './indicators.service.js';
