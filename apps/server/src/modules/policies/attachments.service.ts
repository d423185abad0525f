import { and, count, eq } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { audit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import { AppError, conflict, invalid, notFound } from '../../core/errors.js';
import { policyAttachments } from '../../db/schema/index.js';
import { cleanPolicyFile, sniffPolicyFile } from './attachment-types.js';
import { loadManaged, loadVisible } from './load.js';
import { toAttachment } from './policies.mapper.js';
import { attachmentsOf } from './policies.repo.js';
import type { PublicCtx } from './public-ctx.js';

export const MAX_POLICY_ATTACHMENTS = 20;
export const MAX_POLICY_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** Attaches an original document (原文、申报指南、表格) to a policy the caller manages. */
export async function addAttachment(ctx: Ctx, policyId: string, file: { filename: string; data: Buffer }) {
  if (file.data.length === 0) throw invalid('file', '文件为空');
  if (file.data.length > MAX_POLICY_ATTACHMENT_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', '单个附件不能超过10MB');
  const mime = sniffPolicyFile(file.data);
  if (!mime) throw invalid('file', '仅支持 PDF、Word（.docx）、Excel（.xlsx）文件和 JPG、PNG、WebP 图片', 'file_type');
  let data: Buffer;
  try {
    data = cleanPolicyFile(mime, file.data);
  } catch {
    throw invalid('file', '文件已损坏，无法读取', 'file_corrupt');
  }
  const filename = file.filename.replace(/[\\/\0\r\n"]/g, '_').slice(-100) || 'file';
  return ctx.db.transaction(async (tx) => {
    await loadManaged(tx, ctx, policyId);
    const [n] = await tx.select({ n: count() }).from(policyAttachments).where(eq(policyAttachments.policyId, policyId));
    if ((n?.n ?? 0) >= MAX_POLICY_ATTACHMENTS) throw conflict(`每项政策最多${MAX_POLICY_ATTACHMENTS}个附件`);
    const sha256 = createHash('sha256').update(data).digest('hex');
    const [a] = await tx
      .insert(policyAttachments)
      .values({ policyId, filename, mime, size: data.length, sha256, data, createdByUserId: ctx.actor.userId, createdAt: ctx.now })
      .returning({ id: policyAttachments.id, filename: policyAttachments.filename, mime: policyAttachments.mime, size: policyAttachments.size, createdAt: policyAttachments.createdAt });
    await audit(tx, ctx, { action: 'policy.attach', entityType: 'policy', entityId: policyId, after: { attachmentId: a!.id, filename, mime, size: data.length, sha256 } });
    return toAttachment(a!);
  });
}

export async function listAttachments(ctx: PublicCtx, policyId: string) {
  await loadVisible(ctx.db, ctx, policyId);
  return { items: (await attachmentsOf(ctx.db, policyId)).map(toAttachment) };
}

/** The file, under the policy's visibility: anyone for a published policy, its managers otherwise. */
export async function readAttachment(ctx: PublicCtx, policyId: string, attachmentId: string) {
  await loadVisible(ctx.db, ctx, policyId);
  const [a] = await ctx.db
    .select()
    .from(policyAttachments)
    .where(and(eq(policyAttachments.id, attachmentId), eq(policyAttachments.policyId, policyId)));
  if (!a) throw notFound('附件');
  return a;
}

export async function removeAttachment(ctx: Ctx, policyId: string, attachmentId: string) {
  await ctx.db.transaction(async (tx) => {
    await loadManaged(tx, ctx, policyId);
    const [gone] = await tx
      .delete(policyAttachments)
      .where(and(eq(policyAttachments.id, attachmentId), eq(policyAttachments.policyId, policyId)))
      .returning({ id: policyAttachments.id, filename: policyAttachments.filename, sha256: policyAttachments.sha256 });
    if (!gone) throw notFound('附件');
    await audit(tx, ctx, { action: 'policy.detach', entityType: 'policy', entityId: policyId, before: { attachmentId: gone.id, filename: gone.filename, sha256: gone.sha256 } });
  });
  return { ok: true as const };
}
