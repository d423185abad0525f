/**
 * Open311 GeoReport v2 use cases. Reads are public (the spec requires no key) and show only the
 * public view of a request; filing requires an API key and goes through the one intake use case
 * (`createRequest`), so numbering, SLA deadlines, timeline, audit and notifications are the same
 * as for a request filed in the web console.
 */
import { creditCodeMessages, creditCodeProblem, normalizeCreditCode, priorities, RequestCreate, requestKinds, type Channel, type RequestDetail } from '@yqt/contracts';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../core/actor.js';
import { audit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import type { Db } from '../../core/db.js';
import type { AppError } from '../../core/errors.js';
import { enterprises, serviceRequests } from '../../db/schema/index.js';
import { createRequest } from '../requests/index.js';
import { actorForKey, resolveApiKey, type ResolvedKey } from './api-keys.service.js';
import { list, type List, type Obj } from './open311.format.js';
import { ATTRIBUTE_CODES, defaultKind, MAX_DESCRIPTION, toDefinition, toPublicRequest, toService } from './open311.mapper.js';
import { badRequest, coordinate, keyRefused, missing, type Params, w3cDate } from './open311.params.js';
import { activeCategories, findPublicRequests, operatorByCode, operatorsAtAll, type Jurisdiction, type RequestFilter } from './open311.repo.js';

const DAY_MS = 86_400_000;
/** The spec's default and maximum date range of GET requests. */
const MAX_RANGE_MS = 90 * DAY_MS;
/** Channels the intake use case accepts from an enterprise contact as given. */
/** Channels intake accepts from an enterprise-side actor; a key mapped to another channel (e.g. phone) is corrected after intake. */
const CONTACT_CHANNELS: readonly Channel[] = ['web', 'mobile', 'kiosk', 'api'];

/** An api_key given with a read is checked too: a wrong key is an error, never silently ignored. */
export async function optionalKey(db: Db, p: Params, now: Date): Promise<ResolvedKey | null> {
  const given = p.one('api_key');
  if (!given) return null;
  const key = await resolveApiKey(db, given, now);
  if (!key) throw keyRefused('api_key 无效或已停用');
  return key;
}

/**
 * jurisdiction_id is the operator's code. It may be left out when a key names the operator, or when
 * the installation serves a single operator; with several operators and neither, the spec's 400.
 */
export async function resolveJurisdiction(db: Db, p: Params, key: ResolvedKey | null): Promise<Jurisdiction> {
  const code = p.one('jurisdiction_id');
  if (code) {
    const op = await operatorByCode(db, code);
    if (!op) throw missing(`jurisdiction_id 不存在：${code}`);
    if (key && key.operatorId !== op.id) throw keyRefused('api_key 不属于该 jurisdiction_id');
    return op;
  }
  if (key) return { id: key.operatorId, code: key.operatorCode, name: key.operatorName };
  const { n, first } = await operatorsAtAll(db);
  if (n === 0 || !first) throw missing('本系统尚无园区运营方');
  if (n > 1) throw badRequest('缺少 jurisdiction_id：本接口服务多个园区运营方，请提供运营方代码');
  return first;
}

export async function listServices(db: Db, op: Jurisdiction): Promise<List> {
  const cats = await activeCategories(db, op.id);
  const byId = new Map(cats.map((c) => [c.id, c]));
  return list(
    'service',
    cats.map((c) => toService(c, byId)),
  );
}

async function categoryByCode(db: Db, op: Jurisdiction, code: string | undefined) {
  if (!code) throw badRequest('缺少 service_code');
  const c = (await activeCategories(db, op.id)).find((x) => x.code === code);
  if (!c) throw missing(`service_code 不存在：${code}`);
  return c;
}

export async function serviceDefinition(db: Db, op: Jurisdiction, code: string): Promise<Obj> {
  return toDefinition(await categoryByCode(db, op, code));
}

/** GET requests: by ids (which override every other filter), or by service, status and a ≤ 90-day window. */
export async function searchRequests(db: Db, op: Jurisdiction, p: Params, now: Date, origin: string): Promise<List> {
  const ids = p.many('service_request_id');
  let filter: RequestFilter;
  if (ids.length) {
    filter = { numbers: ids.slice(0, 1000) };
  } else {
    const statuses = p.many('status');
    const wrong = statuses.find((s) => s !== 'open' && s !== 'closed');
    if (wrong) throw badRequest(`status 只能为 open 或 closed：${wrong}`);
    let from = w3cDate('start_date', p.one('start_date'));
    let to = w3cDate('end_date', p.one('end_date'));
    if (from && to) {
      if (to < from) throw badRequest('end_date 不能早于 start_date');
      if (to.getTime() - from.getTime() > MAX_RANGE_MS) throw badRequest('start_date 与 end_date 的跨度不能超过 90 天');
    } else if (from) to = new Date(from.getTime() + MAX_RANGE_MS);
    else if (to) from = new Date(to.getTime() - MAX_RANGE_MS);
    else {
      to = now;
      from = new Date(now.getTime() - MAX_RANGE_MS);
    }
    filter = { serviceCodes: p.many('service_code'), statuses: statuses as ('open' | 'closed')[], from, to };
  }
  const rows = await findPublicRequests(db, op.id, filter);
  return list(
    'request',
    rows.map((r) => toPublicRequest(r, op, origin)),
  );
}

export async function getPublicRequest(db: Db, op: Jurisdiction, number: string, origin: string): Promise<List> {
  const rows = await findPublicRequests(db, op.id, { numbers: [number] });
  if (!rows.length) throw missing(`service_request_id 不存在：${number}`);
  return list(
    'request',
    rows.map((r) => toPublicRequest(r, op, origin)),
  );
}

/** Our field → the Open311 parameter it came from, so validation errors name what the client sent. */
const PARAM_OF: Record<string, string> = {
  kind: 'attribute[kind]',
  title: 'attribute[title]',
  priority: 'attribute[priority]',
  description: 'description',
  locationNote: 'address_string',
  buildingId: 'address_id',
  lat: 'lat',
  lng: 'long',
  submitterName: 'first_name/last_name',
  submitterPhone: 'phone',
  enterpriseId: 'account_id',
};

const personName = (first?: string, last?: string) => {
  if (!first || !last) return first ?? last;
  // Chinese names put the family name first, Latin ones last.
  return /^[\p{Script=Latin}\s.'-]+$/u.test(first + last) ? `${first} ${last}` : `${last}${first}`;
};

function mediaUrl(v: string | undefined) {
  if (!v) return undefined;
  let u: URL | null = null;
  try {
    u = new URL(v);
  } catch {
    u = null;
  }
  if (!u || !['http:', 'https:'].includes(u.protocol) || v.length > 1000) throw badRequest('media_url 应为 http(s) 链接，且不超过1000个字符');
  return u.toString();
}

/** The enterprise a request is filed for: the key's own, or for a channel key the one whose credit code is account_id. */
async function enterpriseFor(db: Db, key: ResolvedKey, accountId: string | undefined) {
  const code = accountId ? normalizeCreditCode(accountId) : undefined;
  if (key.enterpriseId) {
    const [e] = await db
      .select({ id: enterprises.id, creditCode: enterprises.creditCode })
      .from(enterprises)
      .where(and(eq(enterprises.id, key.enterpriseId), eq(enterprises.operatorId, key.operatorId)));
    if (!e) throw keyRefused('api_key 所对应的企业已不存在');
    if (code && code !== e.creditCode) throw badRequest('account_id 与该 api_key 所对应企业的统一社会信用代码不一致');
    return e;
  }
  if (!code) throw badRequest('缺少 account_id：渠道密钥须以企业的统一社会信用代码作为 account_id');
  const problem = creditCodeProblem(code);
  if (problem) throw badRequest(`account_id 不是有效的统一社会信用代码：${creditCodeMessages[problem]}`);
  const [e] = await db
    .select({ id: enterprises.id, creditCode: enterprises.creditCode })
    .from(enterprises)
    .where(and(eq(enterprises.operatorId, key.operatorId), eq(enterprises.creditCode, code)));
  if (!e) throw badRequest('account_id 对应的企业不在本园区运营方的企业名录中');
  return e;
}

function serviceNotice(d: RequestDetail) {
  const t = (iso: string) => iso.slice(0, 16).replace('T', ' ');
  return `诉求已提交，编号 ${d.number}。按时限规则「${d.slaPolicy.name}」，将于 ${t(d.acceptBy)} 前受理、${t(d.feedbackBy)} 前首次反馈、${t(d.resolveBy)} 前办结（北京时间）。`;
}

/**
 * POST requests. Order of checks: api_key (403) → jurisdiction (404/403) → service_code (400/404)
 * → location, attributes, texts, account_id (400) → intake (its validation errors become 400s).
 */
export async function submitRequest(db: Db, p: Params, now: Date, ctxFor: (actor: Actor) => Ctx): Promise<List> {
  const given = p.one('api_key');
  if (!given) throw keyRefused('缺少 api_key：提交诉求需要 API 密钥');
  const key = await resolveApiKey(db, given, now);
  if (!key) throw keyRefused('api_key 无效或已停用');
  const op = await resolveJurisdiction(db, p, key);
  const category = await categoryByCode(db, op, p.one('service_code'));

  // A full location: lat & long, or address_string, or address_id.
  const [lat, long] = [p.one('lat'), p.one('long')];
  if ((lat === undefined) !== (long === undefined)) throw badRequest('lat 与 long 须同时提供');
  const addressString = p.one('address_string');
  const addressId = p.one('address_id');
  if (lat === undefined && !addressString && !addressId) throw badRequest('缺少位置：请提供 lat 与 long、address_string 或 address_id 之一');
  if (addressId && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(addressId)) throw badRequest('address_id 应为本园区楼栋的编号');

  const attrs = p.attributes();
  const unknown = [...attrs.keys()].find((k) => !(ATTRIBUTE_CODES as readonly string[]).includes(k));
  if (unknown) throw badRequest(`服务 ${category.code} 未定义属性 attribute[${unknown}]`);
  for (const [k, vs] of attrs) if (vs.length > 1) throw badRequest(`attribute[${k}] 只能有一个值`);
  const attr = (k: (typeof ATTRIBUTE_CODES)[number]) => attrs.get(k)?.[0];
  const kind = attr('kind') ?? defaultKind(category);
  if (!(requestKinds as readonly string[]).includes(kind)) throw badRequest(`attribute[kind] 取值无效：${kind}`);
  const priority = attr('priority') ?? 'normal';
  if (!(priorities as readonly string[]).includes(priority)) throw badRequest(`attribute[priority] 取值无效：${priority}`);

  const givenDescription = p.one('description');
  if (givenDescription && givenDescription.length > MAX_DESCRIPTION) throw badRequest(`description 不能超过${MAX_DESCRIPTION}个字符`);
  const media = mediaUrl(p.one('media_url'));
  // Description is optional in the spec, required here: the service and place say what it is about.
  let description = givenDescription ?? `${category.name}${addressString ? `：${addressString}` : ''}`;
  if (media) description += `\n\n媒体链接：${media}`;
  const title = attr('title') ?? (description.split('\n')[0]!.slice(0, 30) || category.name);

  const enterprise = await enterpriseFor(db, key, p.one('account_id'));
  const parsed = RequestCreate.safeParse({
    kind,
    categoryId: category.id,
    title,
    description,
    priority,
    channel: CONTACT_CHANNELS.includes(key.channel) ? key.channel : undefined,
    buildingId: addressId ?? null,
    locationNote: addressString ?? null,
    lat: lat === undefined ? null : coordinate('lat', lat),
    lng: long === undefined ? null : coordinate('long', long),
    submitterName: personName(p.one('first_name'), p.one('last_name')) ?? null,
    submitterPhone: p.one('phone') ?? null,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0] ?? '');
    throw badRequest(`${PARAM_OF[field] ?? field}：${issue.message}`);
  }

  const ctx = ctxFor(actorForKey(key, enterprise.id));
  const detail = await createRequest(ctx, parsed.data);
  if (detail.channel !== key.channel) await recordChannel(ctx, detail.id, detail.channel, key.channel);
  return list('request', [{ service_request_id: detail.number, service_notice: serviceNotice(detail), account_id: enterprise.creditCode }]);
}

/**
 * Intake accepts only enterprise-side channels from an enterprise actor, so a request filed through
 * a key mapped to a staff channel (a hotline integrator: 'phone') is recorded with intake's default
 * and corrected here, with its own audit entry.
 */
async function recordChannel(ctx: Ctx, id: string, from: Channel, to: Channel) {
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(serviceRequests)
      .set({ channel: to })
      .where(and(eq(serviceRequests.id, id), eq(serviceRequests.channel, from)));
    await audit(tx, ctx, { action: 'request.channel', entityType: 'request', entityId: id, before: { channel: from }, after: { channel: to } });
  });
}

/** Errors of the intake use case, rephrased with the Open311 parameter names. */
export function describeAppError(err: AppError): string {
  const details = Array.isArray(err.details) ? err.details : [];
  const first = details[0];
  if (first && typeof first === 'object' && 'path' in first) {
    const param = PARAM_OF[first.path] ?? first.path;
    return param ? `${param}：${first.message}` : first.message;
  }
  return err.message;
}
