import { type ConditionResult, type PolicyMatchesExportQuery, type PolicyMatchesPage, type PolicyMatchesQuery, type PolicyMatchItem, verdictLabels } from '@yqt/contracts';
import { hasRole } from '../../core/actor.js';
import type { Ctx } from '../../core/context.js';
import { AppError, forbidden, notFound } from '../../core/errors.js';
import { countMatches, listMatchRows, type MatchListRow } from './policy-matches.repo.js';
import { shanghaiDate } from '../../core/work-calendar.js';
import { compileRule, evalContext, type Evaluation } from './engine.js';
import { loadFacts } from './facts.repo.js';
import { findMatchPolicy, parkNamesOf, type MatchPolicy } from './policies.repo.js';
import { needsOf } from './rule-needs.js';
import { loadExcel } from '../../core/sheet.js';

export const MAX_EXPORT_ROWS = 100_000;
const SHANGHAI_MS = 8 * 3600_000;

/**
 * The policy's match list is a staff tool (政策找企业): enterprise contacts are refused outright.
 * A policy of another operator is absent (404); drafts are visible to policy managers only.
 */
async function policyFor(ctx: Ctx, policyId: string) {
  if (!ctx.actor.staffId || (hasRole(ctx.actor, 'enterprise_contact') && ctx.actor.roles.length === 1)) {
    throw forbidden('企业用户不能查看政策的匹配企业名单');
  }
  const p = await findMatchPolicy(ctx.db, policyId);
  if (!p || p.operatorId !== ctx.actor.operatorId) throw notFound('政策');
  if (p.status !== 'published' && !ctx.actor.permissions.has('policies.manage')) throw notFound('政策');
  return p;
}

const toItem = (r: MatchListRow): PolicyMatchItem => ({
  policyId: r.policyId,
  enterpriseId: r.enterpriseId,
  verdict: r.verdict as PolicyMatchItem['verdict'],
  conditions: r.conditions as ConditionResult[],
  evaluatedAt: r.evaluatedAt.toISOString(),
  missingCount: r.missingCount,
  rulesVersion: r.rulesVersion,
  enterprise: { name: r.name, creditCode: r.creditCode, parkId: r.parkId, parkName: r.parkName, liaisonId: r.liaisonId, liaisonName: r.liaisonName },
});

/**
 * The page's full explanations, evaluated now: stored rows keep only what blocks (see
 * matching.service.ts), the list shows every condition. One query per table for the page.
 */
async function explainPage(ctx: Ctx, p: MatchPolicy, enterpriseIds: string[]) {
  const out = new Map<string, Evaluation>();
  if (!p.rules || !enterpriseIds.length) return out;
  const needs = needsOf([p.rules]);
  const [ents, parkNames] = await Promise.all([
    loadFacts(ctx.db, { operatorId: p.operatorId, enterpriseIds }, needs),
    needs.parks ? parkNamesOf(ctx.db, p.operatorId) : undefined,
  ]);
  const compiled = compileRule(p.rules);
  const ec = evalContext(shanghaiDate(ctx.now), parkNames);
  for (const e of ents) out.set(e.facts.id, compiled.explain(e.facts, ec));
  return out;
}

/**
 * Eligible first, then nearly by fewest missing conditions; park managers see their parks, officers
 * their grid. Filters, order and counts come from the stored matches; each item of the page is
 * explained live (so its conditions are complete and current).
 */
export async function policyMatchList(ctx: Ctx, policyId: string, q: PolicyMatchesQuery): Promise<PolicyMatchesPage> {
  const p = await policyFor(ctx, policyId);
  const { page, pageSize, ...filters } = q;
  const [rows, counts] = await Promise.all([
    listMatchRows(ctx.db, ctx.actor, p.id, p.rulesVersion, filters, pageSize, (page - 1) * pageSize),
    countMatches(ctx.db, ctx.actor, p.id, p.rulesVersion, filters),
  ]);
  const live = await explainPage(ctx, p, rows.map((r) => r.enterpriseId));
  const now = ctx.now.toISOString();
  const items = rows.map((r) => {
    const item = toItem(r);
    const ex = live.get(r.enterpriseId);
    return ex ? { ...item, verdict: ex.verdict, missingCount: ex.missingCount, conditions: ex.conditions, evaluatedAt: now } : item;
  });
  const total = filters.verdict ? counts[filters.verdict] : counts.eligible + counts.nearly;
  return { items, total, page, pageSize, counts };
}

/** What still stands in the way, for the spreadsheet: the stored (blocking) conditions with their status. */
function gaps(conditions: ConditionResult[]): string {
  return conditions
    .map((c) => `${c.label}（${c.status === 'unknown' ? `缺少数据：${c.missing ?? ''}` : `要求${c.required}，实际${c.actual ?? '—'}`}）`)
    .join('；');
}

export async function exportPolicyMatches(ctx: Ctx, policyId: string, f: PolicyMatchesExportQuery): Promise<{ buf: Buffer; title: string }> {
  const p = await policyFor(ctx, policyId);
  const rows = await listMatchRows(ctx.db, ctx.actor, p.id, p.rulesVersion, f, MAX_EXPORT_ROWS + 1, 0);
  if (rows.length > MAX_EXPORT_ROWS) throw new AppError('PAYLOAD_TOO_LARGE', `导出超过${MAX_EXPORT_ROWS}行，请先筛选`);
  const wb = new (await loadExcel()).Workbook();
  wb.creator = '园企通';
  const ws = wb.addWorksheet('匹配企业', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: '企业名称', width: 36 },
    { header: '统一社会信用代码', width: 22 },
    { header: '所属园区', width: 18 },
    { header: '企业联络员', width: 12 },
    { header: '匹配结果', width: 12 },
    { header: '还差条件数', width: 10 },
    { header: '待满足或待补充的条件', width: 80 },
    { header: '计算时间', width: 20 },
  ];
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F0FF' } };
  for (const r of rows) {
    ws.addRow([
      r.name,
      r.creditCode,
      r.parkName,
      r.liaisonName,
      verdictLabels[r.verdict as keyof typeof verdictLabels]?.zh ?? r.verdict,
      r.missingCount,
      gaps(r.conditions as ConditionResult[]),
      new Date(r.evaluatedAt.getTime() + SHANGHAI_MS).toISOString().slice(0, 16).replace('T', ' '),
    ]);
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 8 } };
  return { buf: Buffer.from(await wb.xlsx.writeBuffer()), title: p.title };
}
