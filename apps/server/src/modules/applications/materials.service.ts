import type { ApplicationDetail } from '@yqt/contracts';
import { and, count, eq } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { audit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import { AppError, conflict, forbidden, invalid, notFound } from '../../core/errors.js';
import { applicationEvents, applicationMaterials } from '../../db/schema/index.js';
import { sniff, stripMetadata } from '../requests/file-safety.js';
import { factsOf } from './applications.mapper.js';
import { canUpload } from './applications.policy.js';
import { asChecklist, findApplication, policyOf } from './applications.repo.js';
import { getApplication } from './applications.service.js';
import { EDITABLE_STATUSES } from './lifecycle.js';

export const MAX_MATERIALS_PER_APPLICATION = 30;
export const MAX_MATERIAL_BYTES = 10 * 1024 * 1024;

const editable = (status: string) => (EDITABLE_STATUSES as readonly string[]).includes(status);

/**
 * Adds a file for one checklist item (申报材料). By the enterprise or whoever pre-checks it, while the
 * application is submitted or returned. Type by content (JPG/PNG/WebP/PDF), image metadata stripped.
 * The application row is locked, so a pre-check and an upload or removal never interleave.
 */
export async function addMaterial(ctx: Ctx, applicationId: string, item: string | undefined, file: { filename: string; data: Buffer }): Promise<ApplicationDetail> {
  const name = item?.trim();
  if (!name) throw invalid('item', '请选择材料清单中的项目');
  if (file.data.length === 0) throw invalid('file', '文件为空');
  if (file.data.length > MAX_MATERIAL_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', '单个材料不能超过10MB');
  const mime = sniff(file.data);
  if (!mime) throw invalid('file', '仅支持 PDF 文件和 JPG、PNG、WebP 图片', 'file_type');
  let data: Buffer;
  try {
    data = stripMetadata(mime, file.data);
  } catch {
    throw invalid('file', '文件已损坏，无法读取', 'file_corrupt');
  }
  const filename = file.filename.replace(/[\\/\0\r\n"]/g, '_').slice(-100) || 'file';

  await ctx.db.transaction(async (tx) => {
    const row = await findApplication(tx, ctx.actor, applicationId, { lock: true });
    if (!row) throw notFound('申报');
    const facts = factsOf(row);
    if (!editable(row.a.status)) {
      if (!canUpload(ctx.actor, { ...facts, status: 'submitted' })) throw forbidden('无权为该申报上传材料');
      throw conflict('申报已进入审核，不能再修改材料', { status: row.a.status });
    }
    if (!canUpload(ctx.actor, facts)) throw forbidden('无权为该申报上传材料');
    const checklist = asChecklist((await policyOf(tx, row.a.policyId))!.materials);
    if (!checklist.some((m) => m.name === name)) throw invalid('item', `“${name}”不在该政策的材料清单中`);
    const [n] = await tx.select({ n: count() }).from(applicationMaterials).where(eq(applicationMaterials.applicationId, applicationId));
    if ((n?.n ?? 0) >= MAX_MATERIALS_PER_APPLICATION) throw conflict(`每个申报最多上传${MAX_MATERIALS_PER_APPLICATION}个材料`);
    const [m] = await tx
      .insert(applicationMaterials)
      .values({ applicationId, item: name, filename, mime, size: data.length, sha256: createHash('sha256').update(data).digest('hex'), data, uploadedByUserId: ctx.actor.userId, createdAt: ctx.now })
      .returning({ id: applicationMaterials.id });
    await tx.insert(applicationEvents).values({
      applicationId,
      action: 'upload',
      fromStatus: row.a.status,
      toStatus: row.a.status,
      actorUserId: ctx.actor.userId,
      note: `${name}：${filename}`,
      visibility: 'public',
      data: { materialId: m!.id },
      createdAt: ctx.now,
    });
    await audit(tx, ctx, { action: 'application.material.add', entityType: 'application', entityId: applicationId, after: { materialId: m!.id, item: name, filename, mime, size: data.length } });
  });
  return getApplication(ctx, applicationId);
}

/** The file itself, only through the application's scope (no guessable public URL). */
export async function readMaterial(ctx: Ctx, applicationId: string, materialId: string) {
  const row = await findApplication(ctx.db, ctx.actor, applicationId);
  if (!row) throw notFound('材料');
  const [m] = await ctx.db
    .select()
    .from(applicationMaterials)
    .where(and(eq(applicationMaterials.id, materialId), eq(applicationMaterials.applicationId, applicationId)));
  if (!m) throw notFound('材料');
  return m;
}

/** Removes one's own upload while the application is editable. */
export async function removeMaterial(ctx: Ctx, applicationId: string, materialId: string): Promise<ApplicationDetail> {
  await ctx.db.transaction(async (tx) => {
    const row = await findApplication(tx, ctx.actor, applicationId, { lock: true });
    if (!row) throw notFound('申报');
    const [m] = await tx
      .select({ id: applicationMaterials.id, item: applicationMaterials.item, filename: applicationMaterials.filename, uploadedByUserId: applicationMaterials.uploadedByUserId })
      .from(applicationMaterials)
      .where(and(eq(applicationMaterials.id, materialId), eq(applicationMaterials.applicationId, applicationId)));
    if (!m) throw notFound('材料');
    if (m.uploadedByUserId !== ctx.actor.userId || !canUpload(ctx.actor, { ...factsOf(row), status: 'submitted' })) throw forbidden('只能删除自己上传的材料');
    if (!editable(row.a.status)) throw conflict('申报已进入审核，不能再修改材料', { status: row.a.status });
    await tx.delete(applicationMaterials).where(eq(applicationMaterials.id, materialId));
    await tx.insert(applicationEvents).values({
      applicationId,
      action: 'removeMaterial',
      fromStatus: row.a.status,
      toStatus: row.a.status,
      actorUserId: ctx.actor.userId,
      note: `${m.item}：${m.filename}`,
      visibility: 'public',
      data: { materialId },
      createdAt: ctx.now,
    });
    await audit(tx, ctx, { action: 'application.material.remove', entityType: 'application', entityId: applicationId, before: m });
  });
  return getApplication(ctx, applicationId);
}
