import formbody from '@fastify/formbody';
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { ctxOf } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { list, send, splitFormat, formatOfUrl, type Format } from './open311.format.js';
import { Params } from './open311.params.js';
import * as open311 from './open311.service.js';

/** Bumped when the service list or definitions change shape (the categories themselves are data). */
const CHANGESET = '2026-11-25T00:00:00+08:00';
const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
const FORMATS: Format[] = ['json', 'xml'];
const tags = ['open311'];

const originOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

/** The status the spec asks for: 403 for key problems, 404 for what does not exist, 400 for the rest. */
function statusOf(err: AppError): number {
  switch (err.code) {
    case 'UNAUTHENTICATED':
    case 'FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'RATE_LIMITED':
      return 429;
    case 'INTERNAL':
      return 500;
    default:
      return 400;
  }
}

/**
 * Open311 GeoReport v2, mounted at /open311 (outside /api/v1: no session, no cookie; filing is
 * authorised by an api_key). Paths end in .json or .xml; errors use the spec's `errors` format.
 */
export async function open311Routes(app: FastifyInstance) {
  // Form bodies (the spec's POST encoding) are parsed for these routes only.
  await app.register(formbody, { bodyLimit: 64 * 1024 });

  app.setErrorHandler((err: FastifyError, request, reply) => {
    let status: number;
    let description: string;
    if (err instanceof AppError) {
      status = statusOf(err);
      description = status === 500 ? '服务器内部错误，请稍后再试' : open311.describeAppError(err);
    } else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      status = err.statusCode === 429 ? 429 : 400;
      description = err.statusCode === 413 ? '请求内容过大' : err.statusCode === 415 ? '请以 application/x-www-form-urlencoded 提交' : '请求有误';
    } else {
      request.log.error({ err }, 'open311: unhandled error');
      status = 500;
      description = '服务器内部错误，请稍后再试';
    }
    return send(reply, formatOfUrl(request.url), 'errors', list('error', [{ code: status, description }]), status);
  });
  app.setNotFoundHandler((request, reply) =>
    send(reply, formatOfUrl(request.url), 'errors', list('error', [{ code: 404, description: '资源不存在：请以 .json 或 .xml 结尾访问 GeoReport v2 接口' }]), 404),
  );

  for (const format of FORMATS) {
    app.get(`/discovery.${format}`, { schema: { tags, summary: `Open311 服务发现（${format}）` } }, async (request, reply) => {
      const origin = originOf(request);
      return send(reply, format, 'discovery', {
        changeset: CHANGESET,
        contact: `园企通 YuanQiTong Open311 接口：如需帮助，请联系所在园区运营方的系统管理员（${origin}）`,
        key_service: '提交诉求需要 API 密钥：请向园区运营方的系统管理员申请（系统管理 → 接口密钥）；查询无需密钥',
        endpoints: list('endpoint', [
          {
            specification: SPECIFICATION,
            url: `${origin}/open311/v2`,
            changeset: CHANGESET,
            type: 'production',
            formats: list('format', ['text/xml', 'application/json']),
          },
        ]),
      });
    });

    app.get(`/v2/services.${format}`, { schema: { tags, summary: `服务（诉求分类）列表（${format}）` } }, async (request, reply) => {
      const p = Params.of(request.query);
      const db = request.server.db;
      const op = await open311.resolveJurisdiction(db, p, await open311.optionalKey(db, p, request.server.clock()));
      return send(reply, format, 'services', await open311.listServices(db, op));
    });

    app.get(`/v2/requests.${format}`, { schema: { tags, summary: `查询诉求（${format}）` } }, async (request, reply) => {
      const p = Params.of(request.query);
      const db = request.server.db;
      const now = request.server.clock();
      const op = await open311.resolveJurisdiction(db, p, await open311.optionalKey(db, p, now));
      return send(reply, format, 'service_requests', await open311.searchRequests(db, op, p, now, originOf(request)));
    });

    app.post(`/v2/requests.${format}`, { schema: { tags, summary: `提交诉求（${format}；表单编码，需 api_key）` } }, async (request, reply) => {
      const created = await open311.submitRequest(request.server.db, Params.of(request.body), request.server.clock(), (actor) => {
        request.actor = actor;
        return ctxOf(request);
      });
      return send(reply, format, 'service_requests', created, 201);
    });
  }

  app.get('/v2/services/:file', { schema: { tags, summary: '服务定义（services/{service_code}.json|xml）' } }, async (request, reply) => {
    const split = splitFormat((request.params as { file: string }).file);
    if (!split) return reply.callNotFound();
    const [code, format] = split;
    const p = Params.of(request.query);
    const db = request.server.db;
    const op = await open311.resolveJurisdiction(db, p, await open311.optionalKey(db, p, request.server.clock()));
    return send(reply, format, 'service_definition', await open311.serviceDefinition(db, op, code));
  });

  app.get('/v2/requests/:file', { schema: { tags, summary: '单个诉求（requests/{service_request_id}.json|xml）' } }, async (request, reply) => {
    const split = splitFormat((request.params as { file: string }).file);
    if (!split) return reply.callNotFound();
    const [number, format] = split;
    const p = Params.of(request.query);
    const db = request.server.db;
    const op = await open311.resolveJurisdiction(db, p, await open311.optionalKey(db, p, request.server.clock()));
    return send(reply, format, 'service_requests', await open311.getPublicRequest(db, op, number, originOf(request)));
  });
}
