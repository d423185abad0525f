import type { Ctx } from '../../core/context.js';
import type { DbOrTx } from '../../core/db.js';
import { notFound } from '../../core/errors.js';
import { canManage, canSee } from './policies.policy.js';
import { findPolicy } from './policies.repo.js';
import type { PublicCtx } from './public-ctx.js';

/** Loads a policy the caller may see, else 404 (a draft looks the same as nothing to the public). */
export async function loadVisible(db: DbOrTx, ctx: PublicCtx, id: string) {
  const row = await findPolicy(db, id);
  if (!row || !canSee(ctx.actor, row.p)) throw notFound('政策');
  return row;
}

/** Loads a policy the caller manages (policies.manage of its operator), else 404: another operator's policy is outside scope. */
export async function loadManaged(db: DbOrTx, ctx: Ctx, id: string) {
  const row = await findPolicy(db, id);
  if (!row || !canManage(ctx.actor, row.p)) throw notFound('政策');
  return row;
}
