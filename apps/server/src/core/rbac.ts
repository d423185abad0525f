import type { Permission } from '@yqt/contracts';
import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

/** Coarse, route-level check (second of the three places): anonymous → 401, lacking permission → 403. */
export function requirePermission(permission: Permission) {
  return async (request: FastifyRequest) => {
    if (!request.actor) throw new AppError('UNAUTHENTICATED', '请先登录');
    if (!request.actor.permissions.has(permission)) throw new AppError('FORBIDDEN', '无权执行此操作');
  };
}
