import { LoginBody, Me, Ok, PasswordChange } from '@yqt/contracts';
import { ctxOf } from '../../core/context.js';
import { changeOwnPassword } from '../staff/index.js';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { scopeOf, type Actor } from '../../core/actor.js';
import { actorForToken, deleteSession, SESSION_COOKIE } from '../../core/auth.js';
import { AppError } from '../../core/errors.js';
import { login } from './auth.service.js';

export function meOf(actor: Actor) {
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    roles: actor.roles,
    operator: { id: actor.operatorId, name: actor.operatorName },
    scope: scopeOf(actor),
    permissions: [...actor.permissions],
  };
}

export async function authRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const cfg = app.appConfig;
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: cfg.secureCookies,
  };

  app.post(
    '/auth/login',
    { config: { public: true }, schema: { tags: ['auth'], summary: '登录', body: LoginBody, response: { 200: Me } } },
    async (request, reply) => {
      const now = app.clock();
      const { token } = await login(app.db, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        now,
        ttlMs: cfg.sessionTtlMs,
      });
      const actor = await actorForToken(app.db, token, now, cfg.sessionTtlMs);
      if (!actor) throw new AppError('INTERNAL', '会话创建失败');
      reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, maxAge: Math.floor(cfg.sessionTtlMs / 1000) });
      return meOf(actor);
    },
  );

  app.post(
    '/auth/logout',
    { config: { public: true }, schema: { tags: ['auth'], summary: '退出登录', response: { 200: Ok } } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await deleteSession(app.db, app.bus, request.actor, token);
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/password',
    { schema: { tags: ['auth'], summary: '修改本人密码（其他会话失效）', body: PasswordChange, response: { 200: Ok } } },
    async (request) => changeOwnPassword(ctxOf(request), request.body, request.cookies[SESSION_COOKIE]),
  );

  app.get('/auth/me', { schema: { tags: ['auth'], summary: '当前用户', response: { 200: Me } } }, async (request) => {
    if (!request.actor) throw new AppError('UNAUTHENTICATED', '请先登录');
    return meOf(request.actor);
  });
}
