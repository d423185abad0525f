import type { ServiceGuideCreate, ServiceGuideDetail, ServiceGuideListQuery, ServiceGuideUpdate } from '@yqt/contracts';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Actor } from '../../core/actor.js';
import { audit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import type { DbOrTx } from '../../core/db.js';
import { conflict, notFound } from '../../core/errors.js';
import { serviceGuides } from '../../db/schema/index.js';
import { publicOperatorId, type PublicCtx } from '../policies/index.js';
import { categoryCounts, findGuide, guideSearchFields, listGuides, type GuideRow } from './service-guides.repo.js';

const iso = (d: Date) => d.toISOString();

export function canManage(actor: Actor | null, g: { operatorId: string }): boolean {
  return !!actor && actor.permissions.has('guides.manage') && actor.operatorId === g.operatorId;
}

function toDetail(actor: Actor | null, g: GuideRow): ServiceGuideDetail {
  return {
    id: g.id,
    code: g.code,
    name: g.name,
    category: g.category,
    department: g.department,
    timeLimit: g.timeLimit,
    fees: g.fees,
    onlineUrl: g.onlineUrl,
    published: g.published,
    updatedAt: iso(g.updatedAt),
    audience: g.audience,
    conditions: g.conditions as string[],
    materials: g.materials as ServiceGuideDetail['materials'],
    steps: g.steps as ServiceGuideDetail['steps'],
    location: g.location,
    faq: g.faq as ServiceGuideDetail['faq'],
    version: g.version,
    createdAt: iso(g.createdAt),
    canEdit: canManage(actor, g),
  };
}

/** Public list (published guides); guides.manage holders may add their unpublished ones. */
export async function list(ctx: PublicCtx, query: ServiceGuideListQuery) {
  const { page, pageSize, q, category, includeUnpublished, operator } = query;
  const operatorId = await publicOperatorId(ctx.db, ctx.actor, operator);
  const scope = { operatorId, includeUnpublished: includeUnpublished === 'true' && !!ctx.actor?.permissions.has('guides.manage') };
  const { items, total } = await listGuides(ctx.db, scope, { q, category }, pageSize, (page - 1) * pageSize);
  return { items: items.map((g) => ({ ...g, updatedAt: iso(g.updatedAt) })), total, page, pageSize };
}

export async function categories(ctx: PublicCtx, operatorCode: string | undefined) {
  return { items: await categoryCounts(ctx.db, await publicOperatorId(ctx.db, ctx.actor, operatorCode)) };
}

/** Published guides are public; an unpublished one only for its managers (others 404). */
export async function getDetail(ctx: PublicCtx, id: string, db: DbOrTx = ctx.db): Promise<ServiceGuideDetail> {
  const g = await findGuide(db, id);
  if (!g || (!g.published && !canManage(ctx.actor, g))) throw notFound('办事指南');
  return toDetail(ctx.actor, g);
}

async function loadManaged(db: DbOrTx, ctx: Ctx, id: string) {
  const g = await findGuide(db, id);
  if (!g || !canManage(ctx.actor, g)) throw notFound('办事指南');
  return g;
}

async function checkCodeFree(tx: DbOrTx, operatorId: string, code: string, exceptId?: string) {
  const [other] = await tx
    .select({ id: serviceGuides.id })
    .from(serviceGuides)
    .where(and(eq(serviceGuides.operatorId, operatorId), eq(serviceGuides.code, code), exceptId ? ne(serviceGuides.id, exceptId) : undefined));
  if (other) throw conflict('该编码已被其他办事指南使用', [{ path: 'code', code: 'duplicate', message: '该编码已被其他办事指南使用' }]);
}

function auditView(g: GuideRow) {
  return { code: g.code, name: g.name, category: g.category, department: g.department, published: g.published, version: g.version };
}

export async function create(ctx: Ctx, input: ServiceGuideCreate): Promise<ServiceGuideDetail> {
  const id = await ctx.db.transaction(async (tx) => {
    await checkCodeFree(tx, ctx.actor.operatorId, input.code);
    const [row] = await tx
      .insert(serviceGuides)
      .values({ ...input, onlineUrl: input.onlineUrl ?? null, operatorId: ctx.actor.operatorId, ...guideSearchFields(input), createdAt: ctx.now, updatedAt: ctx.now })
      .returning({ id: serviceGuides.id });
    const g = (await findGuide(tx, row!.id))!;
    await audit(tx, ctx, { action: 'service_guide.create', entityType: 'service_guide', entityId: g.id, after: auditView(g) });
    return g.id;
  });
  return getDetail(ctx, id);
}

const fieldsOf = (g: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.map((k) => [k, g[k] ?? null]));

/** Partial update, compare-and-set on version (409 when stale); the audit names the changed fields. */
export async function update(ctx: Ctx, id: string, input: ServiceGuideUpdate): Promise<ServiceGuideDetail> {
  const { version, ...given } = input;
  await ctx.db.transaction(async (tx) => {
    const before = await loadManaged(tx, ctx, id);
    const changes = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
    const changed = Object.keys(changes).filter((k) => JSON.stringify((before as Record<string, unknown>)[k] ?? null) !== JSON.stringify(changes[k] ?? null));
    if (before.version !== version) throw staleConflict(before.version);
    if (!changed.length) return;
    if (changed.includes('code')) await checkCodeFree(tx, ctx.actor.operatorId, changes.code as string, id);
    const merged = { ...before, ...changes } as GuideRow;
    const [after] = await tx
      .update(serviceGuides)
      .set({
        ...fieldsOf(changes, changed),
        ...guideSearchFields({ ...merged, conditions: merged.conditions as string[], materials: merged.materials as { name: string; note: string | null }[] }),
        version: sql`${serviceGuides.version} + 1`,
        updatedAt: ctx.now,
      })
      .where(and(eq(serviceGuides.id, id), eq(serviceGuides.version, version)))
      .returning({ version: serviceGuides.version });
    if (!after) throw staleConflict(before.version);
    await audit(tx, ctx, {
      action: 'service_guide.update',
      entityType: 'service_guide',
      entityId: id,
      before: { version: before.version, ...fieldsOf(before, changed) },
      after: { version: after.version, changedFields: changed, ...fieldsOf(changes, changed) },
    });
  });
  return getDetail(ctx, id);
}

/** Takes a guide off (or back onto) the public pages; compare-and-set on version. */
export async function setPublished(ctx: Ctx, id: string, published: boolean, version: number): Promise<ServiceGuideDetail> {
  await ctx.db.transaction(async (tx) => {
    const before = await loadManaged(tx, ctx, id);
    if (before.published === published) throw conflict(published ? '该办事指南已是发布状态' : '该办事指南已下架');
    const [after] = await tx
      .update(serviceGuides)
      .set({ published, version: sql`${serviceGuides.version} + 1`, updatedAt: ctx.now })
      .where(and(eq(serviceGuides.id, id), eq(serviceGuides.version, version)))
      .returning({ version: serviceGuides.version });
    if (!after) throw staleConflict(before.version);
    await audit(tx, ctx, {
      action: published ? 'service_guide.publish' : 'service_guide.unpublish',
      entityType: 'service_guide',
      entityId: id,
      before: { published: before.published, version: before.version },
      after: { published, version: after.version, changedFields: ['published'] },
    });
  });
  return getDetail(ctx, id);
}

function staleConflict(currentVersion: number) {
  return conflict('该办事指南已被他人修改，请刷新后重试', { currentVersion });
}
