import { IdParams, Ok, PolicyAttachment, PolicyAttachmentParams } from '@yqt/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../core/context.js';
import { invalid } from '../../core/errors.js';
import { requirePermission } from '../../core/rbac.js';
import { addAttachment, listAttachments, MAX_POLICY_ATTACHMENT_BYTES, readAttachment, removeAttachment } from './attachments.service.js';
import { publicCtxOf } from './public-ctx.js';

export async function policyAttachmentRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['policies'];

  app.post(
    '/policies/:id/attachments',
    {
      preHandler: requirePermission('policies.manage'),
      schema: {
        tags,
        summary: '上传政策附件（multipart 字段 file；PDF/DOCX/XLSX/JPG/PNG/WebP，≤10MB，每项政策≤20个）',
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: { 201: PolicyAttachment },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw invalid('file', '请以 multipart/form-data 上传文件');
      const file = await request.file({ limits: { fileSize: MAX_POLICY_ATTACHMENT_BYTES } });
      if (!file || file.fieldname !== 'file') throw invalid('file', '请上传文件');
      const data = await file.toBuffer();
      return reply.status(201).send(await addAttachment(ctxOf(request), request.params.id, { filename: file.filename, data }));
    },
  );

  app.get(
    '/policies/:id/attachments',
    { config: { public: true }, schema: { tags, summary: '政策附件列表（已发布政策无需登录）', security: [], params: IdParams, response: { 200: z.object({ items: z.array(PolicyAttachment) }) } } },
    async (request) => listAttachments(publicCtxOf(request), request.params.id),
  );

  app.get(
    '/policies/:id/attachments/:attachmentId',
    { config: { public: true }, schema: { tags, summary: '下载政策附件（已发布政策无需登录）', security: [], params: PolicyAttachmentParams } },
    async (request, reply) => {
      const a = await readAttachment(publicCtxOf(request), request.params.id, request.params.attachmentId);
      const inline = a.mime.startsWith('image/');
      return reply
        .header('content-type', a.mime)
        .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(a.filename)}`)
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('x-content-type-options', 'nosniff')
        .send(a.data);
    },
  );

  app.delete(
    '/policies/:id/attachments/:attachmentId',
    { preHandler: requirePermission('policies.manage'), schema: { tags, summary: '删除政策附件', params: PolicyAttachmentParams, response: { 200: Ok } } },
    async (request) => removeAttachment(ctxOf(request), request.params.id, request.params.attachmentId),
  );
}
