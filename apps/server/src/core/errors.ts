import { errorStatus, type ErrorCode, type ErrorDetail } from '@yqt/contracts';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

/** The one error type of the application. Messages are Chinese (shown in the UI); codes are stable. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] | Record<string, unknown> | null = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const notFound = (what = '资源') => new AppError('NOT_FOUND', `${what}不存在或无权访问`);
export const forbidden = (message = '无权执行此操作') => new AppError('FORBIDDEN', message);
export const conflict = (message: string, details: AppError['details'] = null) => new AppError('CONFLICT', message, details);
export const invalid = (path: string, message: string, code = 'invalid') =>
  new AppError('VALIDATION_FAILED', `${message}`, [{ path, code, message }]);

type PgError = { code?: string; constraint?: string };

/** Maps every error to `{ error: { code, message, details, requestId } }`. 5xx never leak internals. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError & PgError & { cause?: PgError }, request, reply) => {
    const send = (code: ErrorCode, message: string, details: AppError['details'] = null) =>
      reply.status(errorStatus[code]).send({ error: { code, message, details, requestId: request.id } });

    if (err instanceof AppError) {
      reply.headers(err.headers);
      return send(err.code, err.message, err.details);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.flatMap((v) => {
        const base = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
        const params = v.params as { keys?: string[] };
        if (v.keyword === 'unrecognized_keys' && params.keys?.length) {
          return params.keys.map((k) => ({ path: base ? `${base}.${k}` : k, code: 'unrecognized_key', message: `不支持的字段：${k}` }));
        }
        return [{ path: base, code: v.keyword ?? 'invalid', message: v.message ?? '格式不正确' }];
      });
      const where = err.validationContext === 'querystring' ? '查询参数' : err.validationContext === 'params' ? '路径参数' : '请求内容';
      return send('VALIDATION_FAILED', `${where}校验失败：${details[0]?.message ?? ''}`, details);
    }
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || err.code === 'FST_REQ_FILE_TOO_LARGE' || err.statusCode === 413) {
      return send('PAYLOAD_TOO_LARGE', '请求内容过大');
    }
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || err.statusCode === 415) {
      return send('UNSUPPORTED_MEDIA_TYPE', '不支持的内容类型');
    }
    if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return send('BAD_REQUEST', '请求内容不是合法的 JSON');
    }
    const pg = err.code ? err : err.cause;
    if (pg?.code === '23505') return send('CONFLICT', '数据已存在（唯一性冲突）', { constraint: pg.constraint ?? null });
    if (pg?.code === '23503') return send('VALIDATION_FAILED', '引用的数据不存在', [{ path: '', code: 'reference', message: '引用的数据不存在' }]);
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      if (err.statusCode === 429) return send('RATE_LIMITED', '请求过于频繁，请稍后再试');
      return send('BAD_REQUEST', err.message || '请求有误');
    }
    request.log.error({ err }, 'unhandled error');
    return send('INTERNAL', '服务器内部错误，请稍后再试');
  });
}
