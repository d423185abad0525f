import type { Attachment } from '@yqt/contracts';
import { and, asc, count, eq } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { hasRole } from '../../core/actor.js';
import { audit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import type { DbOrTx } from '../../core/db.js';
import { AppError, conflict, forbidden, invalid, notFound } from '../../core/errors.js';
import { requestAttachments, requestEvents } from '../../db/schema/index.js';
import { sniff, stripMetadata } from './file-safety.js';
import { canAct } from './requests.policy.js';
import { findRequest } from './requests.repo.js';
import { publishChange } from './request-events.js';

export const MAX_ATTACHMENTS_PER_REQUEST = 9;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

const contactOnly = (ctx: Ctx) => hasRole(ctx.actor, 'enterprise_contact') && !ctx.actor.staffId;

export function attachmentsOf(db: DbOrTx, requestId: string, publicOnly: boolean) {
  return db
    .select({ id: requestAttachments.id, filename: requestAttachments.filename, mime: requestAttachments.mime, size: requestAttachments.size, visibility: requestAttachments.visibility, createdAt: requestAttachments.createdAt })
    .from(requestAttachments)
    .where(and(eq(requestAttachments.requestId, requestId), publicOnly ? eq(requestAttachments.visibility, 'public') : undefined))
    .orderBy(asc(requestAttachments.createdAt));
}

export const toAttachment = (a: Awaited<ReturnType<typeof attachmentsOf>>[number]): Attachment => ({
  ...a,
  visibility: a.visibility as Attachment['visibility'],
  createdAt: a.createdAt.toISOString(),
});

/**
 * Adds a photo or document to an open request: the enterprise on its own request, staff who may
 * act on it. Type by content, metadata stripped, at most 9 per request and 10 MB each.
 */
export async function addAttachment(ctx: Ctx, requestId: string, file: { filename: string; data: Buffer }, visibility: 'public' | 'internal') {
  if (file.data.length === 0) throw invalid('file', '文件为空');
  if (file.data.length > MAX_ATTACHMENT_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', '单个附件不能超过10MB');
  const mime = sniff(file.data);
  if (!mime) throw invalid('file', '仅支持 JPG、PNG、WebP 图片和 PDF 文件', 'file_type');
  if (visibility === 'internal' && contactOnly(ctx)) throw invalid('visibility', '企业用户上传的附件均对办理人员可见');
  let data: Buffer;
  try {
    data = stripMetadata(mime, file.data);
  } catch {
    throw invalid('file', '文件已损坏，无法读取', 'file_corrupt');
  }
  const filename = file.filename.replace(/[\\/\0\r\n"]/g, '_').slice(-100) || 'file';
  const { saved, request } = await ctx.db.transaction(async (tx) => {
    const row = await findRequest(tx, ctx.actor, requestId);
    if (!row) throw notFound('诉求');
    const r = row.r;
    const ownEnterprise = contactOnly(ctx) && ctx.actor.enterpriseId === r.enterpriseId;
    const staffOnIt = !contactOnly(ctx) && (['feedback', 'accept', 'resolve', 'returnForInfo'] as const).some((a) => canAct(ctx.actor, a, r));
    if (!ownEnterprise && !staffOnIt) throw forbidden('无权为该诉求上传附件');
    if (r.closedAt) throw conflict('已办结的诉求不能再上传附件');
    const [n] = await tx.select({ n: count() }).from(requestAttachments).where(eq(requestAttachments.requestId, requestId));
    if ((n?.n ?? 0) >= MAX_ATTACHMENTS_PER_REQUEST) throw conflict(`每个诉求最多${MAX_ATTACHMENTS_PER_REQUEST}个附件`);
    const [a] = await tx
      .insert(requestAttachments)
      .values({ operatorId: r.operatorId, requestId, filename, mime, size: data.length, sha256: createHash('sha256').update(data).digest('hex'), data, visibility, createdByUserId: ctx.actor.userId, createdAt: ctx.now })
      .returning({ id: requestAttachments.id, filename: requestAttachments.filename, mime: requestAttachments.mime, size: requestAttachments.size, visibility: requestAttachments.visibility, createdAt: requestAttachments.createdAt });
    await tx.insert(requestEvents).values({ operatorId: r.operatorId, requestId, at: ctx.now, actorUserId: ctx.actor.userId, actorName: ctx.actor.displayName, action: 'attach', note: filename, visibility, data: { attachmentId: a!.id } });
    await audit(tx, ctx, { action: 'request.attach', entityType: 'request', entityId: requestId, after: { attachmentId: a!.id, filename, mime, size: data.length } });
    return { saved: toAttachment(a!), request: r };
  });
  // Others looking at the request see the new file without reloading.
  await publishChange(ctx, request, []);
  return saved;
}

/** The file itself, only through the request's visibility rule (no guessable public URL). */
export async function readAttachment(ctx: Ctx, requestId: string, attachmentId: string) {
  const row = await findRequest(ctx.db, ctx.actor, requestId);
  if (!row) throw notFound('附件');
  const [a] = await ctx.db
    .select()
    .from(requestAttachments)
    .where(and(eq(requestAttachments.id, attachmentId), eq(requestAttachments.requestId, requestId)));
  if (!a || (a.visibility === 'internal' && contactOnly(ctx))) throw notFound('附件');
  return a;
}
