/**
 * The demo request history, generated PURELY from a context read out of the database
 * (requests-history.ts loads it and inserts the result): the year 2021 exactly as the article
 * reports it (2,372 requests, all solved, 39 key difficult problems, every rating satisfied),
 * realistic 2024–today traffic, and a live set of open requests anchored on `now`.
 *
 * Every request is played through a small simulator that applies each action with exactly the
 * column changes requests.service.ts makes (transitions from lifecycle.ts, deadlines from the
 * SLA engine), so rows, timeline events and deadlines agree. Actions later than `now` are never
 * applied: a request caught mid-way simply stays open in the state it had reached.
 * No Math.random, no clock: the same context, seed and `now` give the same rows and ids.
 */
import { createHash } from 'node:crypto';
import type { RequestAction, RequestStatus } from '@yqt/contracts';
import { dateOfDayNumber, dayNumber, shanghaiDayNumber, shanghaiInstant, type WorkCalendar } from '../core/work-calendar.js';
import type { followUps, requestCounters, requestEvents, serviceRequests, slaAlerts } from '../db/schema/index.js';
import { nextStatus, transitionFor } from '../modules/requests/lifecycle.js';
import type { PolicyRow } from '../modules/requests/sla-context.js';
import { addTime, computeDeadlines, extendForPause, minutesBetween, toShanghaiIso, workingMinutesBetween, type TimeMode } from '../modules/sla/sla-engine.js';
import { Rng } from './random.js';
import {
  CATEGORY_WEIGHTS,
  FOLLOW_UP_NOTES,
  KEY_ISSUE_TEMPLATES,
  RATING_COMMENTS,
  REJECT_NOTES,
  REPLY_NOTES,
  RETURN_FOR_INFO_NOTES,
  SUMMER_2021_TEMPLATES,
  TEMPLATES,
  TRANSFER_DEPARTMENTS,
  type RequestTemplate,
} from './requests-templates.js';
import { subtractWorkingMinutes } from './requests-time.js';

// ---------------------------------------------------------------- context and output types

export type HistoryEnterprise = {
  id: string;
  parkId: string;
  /** 0-based park order (the first two parks have the 24-hour self-service halls). */
  parkIndex: number;
  buildingId: string | null;
  unitId: string | null;
  buildingName: string | null;
  unitName: string | null;
  apartmentBuildingId: string | null;
  apartmentBuildingName: string | null;
  liaisonId: string | null;
  size: string;
  tier: string;
  status: string;
  foundedYear: number;
  shortName: string;
  contact: { name: string; phone: string | null; userId: string | null; username: string | null } | null;
  /** Liaison history: who looked after the enterprise when (ms; `to` null = still). */
  assignments: { liaisonId: string | null; from: number; to: number | null }[];
};

export type HistoryStaff = {
  id: string;
  userId: string | null;
  name: string;
  username: string | null;
  roles: string[];
  departmentId: string | null;
  parkIds: string[];
};

export type HistoryContext = {
  operatorId: string;
  enterprises: HistoryEnterprise[];
  staff: HistoryStaff[];
  departments: { id: string; name: string }[];
  categories: { id: string; code: string }[];
  /** The policy intake would pick: key `${categoryId}|${priority}`. */
  policies: Map<string, PolicyRow>;
  keyPolicy: PolicyRow;
  autoCloseWorkingDays: number;
  rectificationWorkingMinutes: number;
  ladder: { level: number; delayMinutes: number }[];
  cal: WorkCalendar;
};

/** Every column but the ones the database derives (search tokens). */
export type RequestRow = Omit<typeof serviceRequests.$inferSelect, 'searchTokens'>;
export type EventRow = Omit<typeof requestEvents.$inferInsert, 'id'> & { at: Date; requestId: string };
export type FollowUpRow = typeof followUps.$inferInsert & { id: string; at: Date };
export type AlertRow = typeof slaAlerts.$inferInsert & { id: string };
export type CounterRow = typeof requestCounters.$inferInsert;

export type GeneratedHistory = {
  requests: RequestRow[];
  events: EventRow[];
  followUps: FollowUpRow[];
  alerts: AlertRow[];
  counters: CounterRow[];
};

export type HistoryOptions = { now: Date; seed: number };

export const HISTORY_SEED = 2372;
/** The article's figures for 2021. */
export const YEAR_2021 = { year: 2021, requests: 2372, keyIssues: 39 } as const;
/** Full-year volumes for the recent years (the current year is cut at `now`); later years grow ~6 %. */
const RECENT_VOLUME: Readonly<Record<number, number>> = { 2024: 2650, 2025: 2920, 2026: 3180 };
/** Open requests wanted on the workbench today, per state (natural traffic counts towards them). */
const OPEN_TARGETS = { submitted: 7, submitted_late: 3, accepted: 7, in_progress: 11, transfer_pending: 3, awaiting_info: 5, key_issue: 5, resolved: 16, rectifying: 2 } as const;
type OpenState = keyof typeof OPEN_TARGETS;

// ---------------------------------------------------------------- small helpers

type Actor = { userId: string | null; name: string | null };
const SYSTEM: Actor = { userId: null, name: null };
const MIN = 60_000;
const HOUR = 60 * MIN;

const fill = (s: string, vars: Record<string, string>) => s.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);

/** Cumulative-weight picker (binary search): cheap for hundreds of entries. */
class WeightedList<T> {
  private readonly cum: number[] = [];
  constructor(readonly items: readonly T[], weight: (t: T) => number) {
    let s = 0;
    for (const it of items) this.cum.push((s += weight(it)));
  }
  get size() {
    return this.items.length;
  }
  pick(rng: Rng): T {
    const total = this.cum[this.cum.length - 1] ?? 0;
    const r = rng.float() * total;
    let lo = 0;
    let hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cum[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}

/** Splits `total` over slots in proportion to `weights`, exactly (largest remainder). */
export function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (w / sum) * total);
  const out = raw.map(Math.floor);
  let rest = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) out[order[k]![1]]! += 1;
  return out;
}

// ---------------------------------------------------------------- the simulator

type Plan = {
  key: boolean;
  breach: 'accept' | 'feedback' | 'resolve' | null;
  reject: boolean;
  transfer: boolean;
  pause: boolean;
  directResolve: boolean;
  outcome: 'rated' | 'confirmed' | 'confirmedRated' | 'auto' | 'bad';
  rating: number;
  followUp: boolean;
};

/** One request played action by action; stops for good at the first action after `now`. */
class Sim {
  readonly events: EventRow[] = [];
  readonly pauses: [number, number][] = [];
  stopped = false;
  private last: number;

  constructor(
    readonly row: RequestRow,
    /** The policy the clocks run on (the key-issue policy once marked). */
    public policy: PolicyRow,
    private readonly g: Generator,
    readonly tpl: RequestTemplate,
    readonly vars: Record<string, string>,
  ) {
    this.last = row.createdAt.getTime();
  }

  get mode(): TimeMode {
    return this.policy.timeMode as TimeMode;
  }

  /** Time may not go backwards on a timeline: an action lands at least a second after the previous one. */
  private at(t: Date): Date | null {
    const ms = Math.max(t.getTime(), this.last + 1000);
    if (this.stopped || ms > this.g.now.getTime()) {
      this.stopped = true;
      return null;
    }
    this.last = ms;
    return new Date(ms);
  }

  /** Records a timeline event; also used for the submit event. */
  event(at: Date, actor: Actor, action: string, fromStatus: string | null, toStatus: string | null, note: string | null, visibility: 'public' | 'internal', data: unknown = null) {
    this.events.push({ operatorId: this.row.operatorId, requestId: this.row.id, at, actorUserId: actor.userId, actorName: actor.name, action, fromStatus, toStatus, note, visibility, data });
  }

  /** A lifecycle action with the same column changes as requests.service.ts `changesFor`. */
  act(action: RequestAction, when: Date, actor: Actor, o: { note?: string | null; internal?: boolean; rating?: number; departmentId?: string; leaderId?: string; mergedIntoId?: string } = {}): Date | null {
    const r = this.row;
    const t = transitionFor(action, r.status as RequestStatus);
    if (!t) throw new Error(`demo history: ${action} not allowed from ${r.status} (${r.id})`);
    const now = this.at(when);
    if (!now) return null;
    const cal = this.g.ctx.cal;
    let status: RequestStatus | null = null;
    switch (action) {
      case 'accept':
        r.acceptedAt = now;
        break;
      case 'feedback':
        r.firstFeedbackAt ??= now;
        break;
      case 'resolve':
        if (r.followUpRequired) throw new Error('demo history: resolve before the supervisor follow-up');
        r.resolvedAt = now;
        r.firstFeedbackAt ??= now;
        r.acceptedAt ??= now;
        break;
      case 'returnForInfo':
        r.pausedAt = now;
        r.resumeStatus = r.status;
        break;
      case 'reply': {
        const from = r.pausedAt ?? now;
        const push = (due: Date, done: Date | null) => (done ? due : extendForPause(due, from, now, this.mode, cal));
        const paused = this.mode === 'working' ? workingMinutesBetween(from, now, cal) : (now.getTime() - from.getTime()) / MIN;
        this.pauses.push([from.getTime(), now.getTime()]);
        r.pausedMinutes += Math.round(paused);
        r.acceptBy = push(r.acceptBy, r.acceptedAt);
        r.acceptWarnAt = push(r.acceptWarnAt, r.acceptedAt);
        r.feedbackBy = push(r.feedbackBy, r.firstFeedbackAt);
        r.feedbackWarnAt = push(r.feedbackWarnAt, r.firstFeedbackAt);
        r.resolveBy = push(r.resolveBy, r.resolvedAt);
        r.resolveWarnAt = push(r.resolveWarnAt, r.resolvedAt);
        r.pausedAt = null;
        // nextStatus reads resumeStatus before it is cleared below.
        status = nextStatus(t, r.status as RequestStatus, r.resumeStatus as RequestStatus | null);
        r.resumeStatus = null;
        break;
      }
      case 'confirm':
        r.closedAt = now;
        r.closeReason = 'confirmed';
        break;
      case 'rate': {
        const rating = o.rating!;
        r.rating = rating;
        r.ratingComment = o.note ?? null;
        r.ratedAt = now;
        if (rating <= 2) {
          const due = addTime(now, this.g.ctx.rectificationWorkingMinutes, 'working', cal);
          status = 'in_progress';
          r.closedAt = null;
          r.closeReason = null;
          r.resolvedAt = null;
          r.reopenCount += 1;
          r.rectificationBy = due;
          r.resolveBy = due;
          r.resolveWarnAt = due;
          r.followUpRequired = true;
        } else {
          r.closedAt ??= now;
          r.closeReason ??= 'rated';
        }
        break;
      }
      case 'reject':
        r.closedAt = now;
        r.closeReason = 'rejected';
        break;
      case 'transfer':
        r.departmentId = o.departmentId!;
        r.transferStatus = 'pending';
        break;
      case 'deptAccept':
        r.transferStatus = 'accepted';
        break;
      case 'markKeyIssue': {
        const kp = this.g.ctx.keyPolicy;
        const d = computeDeadlines(now, targetsOf(kp), cal);
        r.isKeyIssue = true;
        r.keyIssueLeaderId = o.leaderId!;
        r.slaPolicyId = kp.id;
        if (!r.firstFeedbackAt) {
          r.feedbackBy = d.feedbackBy;
          r.feedbackWarnAt = d.feedbackWarnAt;
        }
        r.resolveBy = d.resolveBy;
        r.resolveWarnAt = d.resolveWarnAt;
        this.policy = kp;
        break;
      }
      case 'merge':
        r.closedAt = now;
        r.closeReason = 'merged';
        r.mergedIntoId = o.mergedIntoId!;
        break;
      default:
        throw new Error(`demo history: action ${action} not simulated`);
    }
    const from = r.status;
    const to = status ?? nextStatus(t, from as RequestStatus, r.resumeStatus as RequestStatus | null);
    r.status = to;
    r.version += 1;
    r.updatedAt = now;
    this.event(now, actor, action, from, to, o.note ?? null, o.internal ? 'internal' : 'public', o.rating ? { rating: o.rating } : null);
    return now;
  }

  /** The sweep's auto-close of a resolved, unrated request (modules/sla/auto-close.ts). */
  autoClose(when: Date, days: number): Date | null {
    const now = this.at(when);
    if (!now) return null;
    const r = this.row;
    r.status = 'closed';
    r.closedAt = now;
    r.closeReason = 'auto';
    r.version += 1;
    r.updatedAt = now;
    this.event(now, SYSTEM, 'autoClose', 'resolved', 'closed', `企业${days}个工作日内未评价，系统自动办结（不计入满意）`, 'public');
    return now;
  }

  /** A follow-up (回访), as follow-ups.service.ts records it. */
  followUp(when: Date, staff: HistoryStaff, supervisor: boolean, method: 'phone' | 'visit' | 'online', rating: number | null, note: string): Date | null {
    const now = this.at(when);
    if (!now) return null;
    const r = this.row;
    this.g.followUps.push({ id: this.g.id(), operatorId: r.operatorId, requestId: r.id, staffId: staff.id, method, rating, note, at: now });
    if (supervisor && r.followUpRequired) {
      r.followUpRequired = false;
      r.version += 1;
      r.updatedAt = now;
    }
    this.event(now, actorOf(staff), 'followUp', null, null, note, 'internal', { method, rating });
    return now;
  }

  /** `from` + minutes in this request's time mode. */
  add(from: Date, minutes: number): Date {
    return addTime(from, Math.max(0, minutes), this.mode, this.g.ctx.cal);
  }

  /**
   * A moment between `from` and the deadline `due`, early-skewed (most work is done well before
   * the deadline); a few minutes after `from` if the deadline has already gone.
   */
  within(from: Date, due: Date, rng: Rng, skew = 2, lo = 0.04, hi = 0.92): Date {
    const left = minutesBetween(from, due, this.mode, this.g.ctx.cal);
    if (left < 3) return this.add(from, rng.int(2, 20));
    return this.add(from, Math.max(1, left * (lo + (hi - lo) * rng.float() ** skew)));
  }
}

const targetsOf = (p: PolicyRow) => ({ acceptMinutes: p.acceptMinutes, feedbackMinutes: p.feedbackMinutes, resolveMinutes: p.resolveMinutes, timeMode: p.timeMode as TimeMode, warnRatio: p.warnRatio });
const actorOf = (s: HistoryStaff): Actor => ({ userId: s.userId, name: s.name });

// ---------------------------------------------------------------- the generator

class Generator {
  readonly rng: Rng;
  private readonly ids: Rng;
  readonly requests: RequestRow[] = [];
  readonly events: EventRow[] = [];
  readonly followUps: FollowUpRow[] = [];
  readonly alerts: AlertRow[] = [];
  private readonly sims: Sim[] = [];
  private readonly staffById: Map<string, HistoryStaff>;
  private readonly managersByPark = new Map<string, HistoryStaff[]>();
  private readonly handlersByDept = new Map<string, HistoryStaff[]>();
  private readonly deptByName: Map<string, { id: string; name: string }>;
  private readonly leaders: HistoryStaff[];
  private readonly admin: HistoryStaff | undefined;
  private readonly categoryByCode: Map<string, { id: string; code: string }>;
  private readonly categoryCodeById: Map<string, string>;
  private readonly templatesByCategory = new Map<string, WeightedList<RequestTemplate>>();

  constructor(
    readonly ctx: HistoryContext,
    readonly now: Date,
    seed: number,
  ) {
    this.rng = new Rng(seed);
    this.ids = new Rng((seed ^ 0x5e0c2372) >>> 0);
    this.staffById = new Map(ctx.staff.map((s) => [s.id, s]));
    for (const s of ctx.staff) {
      if (s.roles.includes('park_manager')) for (const p of s.parkIds) this.managersByPark.set(p, [...(this.managersByPark.get(p) ?? []), s]);
      if (s.roles.includes('dept_handler') && s.departmentId) this.handlersByDept.set(s.departmentId, [...(this.handlersByDept.get(s.departmentId) ?? []), s]);
    }
    this.deptByName = new Map(ctx.departments.map((d) => [d.name, d]));
    this.leaders = ctx.staff.filter((s) => s.roles.includes('leader'));
    this.admin = ctx.staff.find((s) => s.roles.includes('admin'));
    this.categoryByCode = new Map(ctx.categories.map((c) => [c.code, c]));
    this.categoryCodeById = new Map(ctx.categories.map((c) => [c.id, c.code]));
    for (const [code, list] of Object.entries(TEMPLATES)) this.templatesByCategory.set(code, new WeightedList(list, (t) => t.weight));
  }

  id(): string {
    return this.ids.uuid();
  }

  // ---------------------------------------------------------------- people

  private liaisonAt(e: HistoryEnterprise, at: number): string | null {
    const a = e.assignments.find((x) => x.from <= at && (x.to === null || at < x.to));
    return a ? a.liaisonId : (e.liaisonId ?? e.assignments[0]?.liaisonId ?? null);
  }

  private manager(parkId: string): HistoryStaff | undefined {
    return this.managersByPark.get(parkId)?.[0] ?? this.admin;
  }

  /** Whoever works a request on the operator's side: its officer, else the park's manager. */
  private officer(r: RequestRow): Actor {
    const s = (r.liaisonId && this.staffById.get(r.liaisonId)) || this.manager(r.parkId);
    return s ? actorOf(s) : SYSTEM;
  }

  private enterpriseActor(e: HistoryEnterprise): Actor {
    return { userId: e.contact?.userId ?? null, name: e.contact?.name ?? e.shortName };
  }

  private pickLeader(): HistoryStaff | undefined {
    // The deputy GM in charge of enterprise service leads most key issues.
    const deputy = this.leaders.find((l) => l.username === 'leader03') ?? this.leaders[this.leaders.length - 1];
    return this.rng.chance(0.6) ? deputy : this.leaders.length ? this.rng.pick(this.leaders) : undefined;
  }

  private transferTarget(categoryCode: string): { dept: { id: string; name: string }; handler: HistoryStaff } | null {
    const names = TRANSFER_DEPARTMENTS[categoryCode] ?? ['综合办公室'];
    const candidates = names.map((n) => this.deptByName.get(n)).filter((d): d is { id: string; name: string } => !!d && (this.handlersByDept.get(d.id)?.length ?? 0) > 0);
    if (!candidates.length) return null;
    const dept = this.rng.pick(candidates);
    return { dept, handler: this.rng.pick(this.handlersByDept.get(dept.id)!) };
  }

  // ---------------------------------------------------------------- intake

  private policyFor(categoryId: string, priority: string): PolicyRow {
    const p = this.ctx.policies.get(`${categoryId}|${priority}`);
    if (!p) throw new Error(`demo history: no policy for ${categoryId}/${priority}`);
    return p;
  }

  /** A new request as intake.service.ts writes it, with its submit event. */
  private intake(e: HistoryEnterprise, receivedAt: Date, tpl: RequestTemplate, categoryCode: string, channel: string): Sim {
    const rng = this.rng;
    const category = this.categoryByCode.get(categoryCode) ?? this.categoryByCode.get('other')!;
    const priority = tpl.urgent && rng.chance(tpl.urgent) ? 'urgent' : rng.chance(0.02) ? 'urgent' : 'normal';
    const policy = this.policyFor(category.id, priority);
    const d = computeDeadlines(receivedAt, targetsOf(policy), this.ctx.cal);
    const onApartment = tpl.apartment && e.apartmentBuildingId;
    const bld = (onApartment ? e.apartmentBuildingName : e.buildingName) ?? '园区';
    const loc = onApartment ? `${e.apartmentBuildingName}` : e.buildingName ? `${e.buildingName}${e.unitName ?? ''}` : '公司';
    const vars = { loc, bld, n: String(rng.int(2, 9)) };
    // Phone calls and visits are registered by staff shortly after the fact; the rest by the enterprise itself.
    const byStaff = channel === 'phone' || channel === 'visit';
    const liaisonId = this.liaisonAt(e, receivedAt.getTime());
    const officerStaff = (liaisonId && this.staffById.get(liaisonId)) || this.manager(e.parkId);
    const submitAt = byStaff ? new Date(receivedAt.getTime() + rng.int(2, 25) * MIN) : receivedAt;
    const submitter: Actor =
      byStaff && officerStaff ? actorOf(officerStaff) : channel === 'api' ? { userId: null, name: `${e.shortName}·OA对接` } : this.enterpriseActor(e);
    const row: RequestRow = {
      id: this.id(),
      operatorId: this.ctx.operatorId,
      number: '',
      enterpriseId: e.id,
      parkId: e.parkId,
      submitterUserId: submitter.userId,
      submitterName: e.contact?.name ?? null,
      submitterPhone: e.contact?.phone ?? null,
      kind: tpl.kind,
      categoryId: category.id,
      channel,
      priority,
      title: fill(tpl.title, vars),
      description: fill(tpl.description, vars),
      buildingId: onApartment ? e.apartmentBuildingId : e.buildingId,
      unitId: onApartment ? null : e.unitId,
      locationNote: tpl.kind === 'repair' ? loc : null,
      lat: null,
      lng: null,
      status: 'submitted',
      resumeStatus: null,
      liaisonId,
      departmentId: null,
      transferStatus: 'none',
      isKeyIssue: false,
      keyIssueLeaderId: null,
      mergedIntoId: null,
      receivedAt,
      slaPolicyId: policy.id,
      clockStartedAt: d.clockStartedAt,
      acceptBy: d.acceptBy,
      feedbackBy: d.feedbackBy,
      resolveBy: d.resolveBy,
      acceptWarnAt: d.acceptWarnAt,
      feedbackWarnAt: d.feedbackWarnAt,
      resolveWarnAt: d.resolveWarnAt,
      acceptedAt: null,
      firstFeedbackAt: null,
      resolvedAt: null,
      closedAt: null,
      closeReason: null,
      pausedAt: null,
      pausedMinutes: 0,
      rating: null,
      ratingComment: null,
      ratedAt: null,
      reopenCount: 0,
      rectificationBy: null,
      followUpRequired: false,
      version: 1,
      createdAt: submitAt,
      updatedAt: submitAt,
    };
    const sim = new Sim(row, policy, this, tpl, vars);
    sim.event(submitAt, submitter, 'submit', null, 'submitted', byStaff ? `代企业登记（${channel}）` : null, 'public', {
      receivedAt: receivedAt.toISOString(),
      policyId: policy.id,
      policyVersion: policy.version,
    });
    this.sims.push(sim);
    return sim;
  }

  private textOf(sim: Sim, which: 'feedback' | 'resolve'): string {
    return fill(sim.tpl[which], sim.vars);
  }

  private keyTemplate(): { tpl: RequestTemplate; code: string } {
    const t = this.rng.weighted(KEY_ISSUE_TEMPLATES.map((x) => [x, x.weight] as const));
    return { tpl: t, code: t.category };
  }

  // ---------------------------------------------------------------- traffic

  /** Relative volume of a day: working days, 春节, spring and autumn peaks, the 2021 summer. */
  private dayWeight(n: number, festival: Set<number>): number {
    const date = dateOfDayNumber(n);
    const info = this.ctx.cal.dayInfo(date);
    const month = Number(date.slice(5, 7));
    const season = [0.9, 0.8, 1.15, 1.2, 1.15, 1.05, 1.0, 1.0, 1.1, 1.15, 1.1, 0.95][month - 1]!;
    let w = info.workday ? 1 : info.kind === 'holiday' ? 0.05 : 0.12;
    if (festival.has(n)) w *= 0.5;
    if (date >= '2021-07-26' && date <= '2021-08-31') w *= 1.25;
    return w * season * (0.75 + 0.5 * this.rng.float());
  }

  /** Days around the Spring Festival holiday (10 before, 12 after) when enterprises are quiet. */
  private festivalDays(year: number): Set<number> {
    const out = new Set<number>();
    const first = dayNumber(`${year}-01-01`);
    const last = dayNumber(`${year}-03-31`);
    const days: number[] = [];
    for (let n = first; n <= last; n++) if (this.ctx.cal.dayName(dateOfDayNumber(n)) === '春节' && !this.ctx.cal.isWorkday(dateOfDayNumber(n))) days.push(n);
    if (!days.length) return out;
    for (let n = days[0]! - 10; n <= days[days.length - 1]! + 12; n++) out.add(n);
    return out;
  }

  /** A received time on day n: mostly in working hours, some evenings, weekends during the day. */
  private timeOnDay(n: number): Date {
    const rng = this.rng;
    const date = dateOfDayNumber(n);
    if (!this.ctx.cal.isWorkday(date)) return shanghaiInstant(date, rng.int(9 * 60, 20 * 60 + 59));
    const slot = rng.weighted([['am', 46], ['pm', 42], ['evening', 10], ['early', 2]] as const);
    const minute = slot === 'am' ? rng.int(8 * 60 + 30, 11 * 60 + 59) : slot === 'pm' ? rng.int(13 * 60 + 30, 17 * 60 + 29) : slot === 'evening' ? rng.int(17 * 60 + 30, 21 * 60 + 59) : rng.int(7 * 60, 8 * 60 + 29);
    return new Date(shanghaiInstant(date, minute).getTime() + rng.int(0, 59) * 1000);
  }

  private channelFor(e: HistoryEnterprise, at: Date, year: number): string {
    const rng = this.rng;
    const kiosk = e.parkIndex <= 1; // 24小时无人自助厅 in 动力谷 and 天易科技城
    const working = this.ctx.cal.isWorkday(dateOfDayNumber(shanghaiDayNumber(at))) && isDaytime(at);
    const mobile = year <= 2021 ? 28 : 36;
    const entries: [string, number][] = working
      ? [['web', 30], ['mobile', mobile], ['phone', year <= 2021 ? 20 : 15], ['visit', 11], ['kiosk', kiosk ? 7 : 0], ['api', year <= 2021 ? 0.5 : 2.5]]
      : [['web', 35], ['mobile', mobile + 10], ['kiosk', kiosk ? 4 : 0], ['api', 2]];
    return rng.weighted(entries);
  }

  private eligible(year: number): WeightedList<HistoryEnterprise> {
    const yearEnd = Date.UTC(year + 1, 0, 1) - 8 * HOUR;
    const sizeW: Record<string, number> = { micro: 1, small: 1.6, medium: 2.6, large: 4 };
    const list = this.ctx.enterprises.filter((e) => {
      if (e.foundedYear > year) return false;
      if (e.status === 'moved_out') return e.assignments.some((a) => a.to !== null && a.to > yearEnd);
      return true;
    });
    return new WeightedList(list, (e) => {
      let w = sizeW[e.size] ?? 1;
      if (e.tier === 'littleGiant' || e.tier === 'srdi') w *= 1.3;
      if (e.status === 'preparing') w *= 0.6;
      if (e.contact?.userId) w *= 1.6; // the demo logins' enterprises get a visible history
      return w;
    });
  }

  // ---------------------------------------------------------------- one request's life

  private planFor(year: number, key: boolean): Plan {
    const rng = this.rng;
    const y21 = year === YEAR_2021.year;
    const breach = !y21 || !key ? (rng.chance(y21 ? 0.015 : 0.065) ? rng.weighted([['accept', 35], ['feedback', 25], ['resolve', 40]] as const) : null) : null;
    const drawn: Plan['outcome'] = y21
      ? rng.weighted([['rated', 64], ['confirmed', 30], ['confirmedRated', 6]] as const)
      : rng.weighted([['rated', 60], ['confirmed', 25], ['confirmedRated', 4], ['auto', 8], ['bad', 3]] as const);
    const rating =
      drawn === 'bad' && !key
        ? rng.weighted([[2, 65], [1, 35]] as const)
        : y21 || key
          ? rng.weighted([[5, 75], [4, 25]] as const)
          : rng.weighted([[5, 63], [4, 28], [3, 9]] as const);
    // Key difficult problems end well (the leader follows them through): never a bad rating.
    const outcome = key && drawn === 'bad' ? 'rated' : drawn;
    return {
      key,
      breach,
      reject: !y21 && !key && rng.chance(0.008),
      transfer: rng.chance(key ? 0.45 : y21 ? 0.1 : 0.12),
      pause: !key && rng.chance(y21 ? 0.02 : 0.03),
      directResolve: !key && rng.chance(0.35),
      outcome,
      rating,
      followUp: rng.chance(0.2),
    };
  }

  /** Plays a request from intake to its end (or to `now`). */
  private live(sim: Sim, e: HistoryEnterprise, p: Plan) {
    const rng = this.rng;
    const r = sim.row;
    const officer = this.officer(r);
    const ent = this.enterpriseActor(e);
    const code = this.categoryCodeById.get(r.categoryId) ?? 'other';
    let cur: Date = r.createdAt;

    if (p.reject && rng.chance(0.5)) {
      sim.act('reject', sim.add(cur, rng.int(5, 50)), officer, { note: rng.pick(REJECT_NOTES) });
      return;
    }
    // Accept: most within the hour (the "1").
    const acceptAt = p.breach === 'accept' ? sim.add(r.acceptBy, rng.int(5, 150)) : sim.within(cur, r.acceptBy, rng, 2.2, 0.03, 0.9);
    const accepted = sim.act('accept', acceptAt, officer);
    if (!accepted) return;
    cur = accepted;
    if (p.reject) {
      sim.act('reject', sim.add(cur, rng.int(10, 120)), officer, { note: rng.pick(REJECT_NOTES) });
      return;
    }

    let paused = false;
    const pause = (at: Date) => {
      paused = true;
      const asked = sim.act('returnForInfo', at, officer, { note: rng.pick(RETURN_FOR_INFO_NOTES) });
      if (!asked) return false;
      const reply = new Date(asked.getTime() + rng.int(40, 26 * 60) * MIN);
      const done = sim.act('reply', reply, ent, { note: fill(rng.pick(REPLY_NOTES), { bld: e.buildingName ?? '厂房' }) });
      if (done) cur = done;
      return !!done;
    };
    if (p.pause && rng.chance(0.6) && !pause(sim.add(cur, rng.int(5, 90)))) return;

    // Key difficult problem: a supervisor escalates it with a lead leader and the longer clocks.
    let resolver = officer;
    if (p.key) {
      if (rng.chance(0.5)) {
        const fb = sim.act('feedback', sim.within(cur, r.feedbackBy, rng, 2, 0.05, 0.5), officer, { note: '已初步了解情况，问题较复杂，已向园区主管报告。' });
        if (!fb) return;
        cur = fb;
      }
      const mgr = this.manager(r.parkId);
      const leader = this.pickLeader();
      if (!mgr || !leader) return;
      const marked = sim.act('markKeyIssue', sim.add(cur, rng.int(30, 600)), actorOf(mgr), { note: `列为重点难题，由${leader.name}牵头协调解决`, leaderId: leader.id, internal: true });
      if (!marked) return;
      cur = marked;
      resolver = rng.chance(0.45) ? actorOf(leader) : officer;
    }

    if (p.transfer) {
      const target = this.transferTarget(code);
      if (target) {
        const tr = sim.act('transfer', sim.add(cur, rng.int(5, 90)), officer, { note: `转${target.dept.name}办理`, departmentId: target.dept.id, internal: true });
        if (!tr) return;
        const da = sim.act('deptAccept', sim.add(tr, rng.int(10, 200)), actorOf(target.handler), { note: '已签收，安排人员处理', internal: true });
        if (!da) return;
        cur = da;
        if (!p.key) resolver = actorOf(target.handler);
      }
    }

    // Feedback within the day (the first "1"), unless the resolution itself is the first reply.
    const direct = p.directResolve && !p.transfer && p.breach !== 'feedback';
    if (!direct || p.key) {
      // A key issue that had its first reply before it was escalated gets a progress report well within its longer clock.
      const fbAt =
        p.breach === 'feedback' && !r.firstFeedbackAt
          ? sim.add(r.feedbackBy, rng.int(10, 400))
          : r.firstFeedbackAt
            ? sim.within(cur, r.resolveBy, rng, 1.5, 0.05, 0.4)
            : sim.within(cur, r.feedbackBy, rng, 1.8, 0.05, 0.85);
      const fb = sim.act('feedback', fbAt, resolver, { note: this.textOf(sim, 'feedback') });
      if (!fb) return;
      cur = fb;
    }
    if (p.pause && !paused && !pause(sim.add(cur, rng.int(5, 120)))) return;

    // Resolve within two working days (the "2"); key issues within their own, longer clock.
    const due = direct && r.feedbackBy < r.resolveBy ? r.feedbackBy : r.resolveBy;
    const resolveAt = p.breach === 'resolve' ? sim.add(r.resolveBy, rng.int(30, 1600)) : sim.within(cur, due, rng, 2, 0.05, 0.9);
    const resolved = sim.act('resolve', resolveAt, resolver, { note: this.textOf(sim, 'resolve') });
    if (!resolved) return;
    this.closeOut(sim, e, p, resolved);
  }

  /** What the enterprise does after a resolution: confirm, rate, say nothing (auto-close), or rate badly. */
  private closeOut(sim: Sim, e: HistoryEnterprise, p: Plan, resolved: Date) {
    const rng = this.rng;
    const r = sim.row;
    const ent = this.enterpriseActor(e);
    const days = this.ctx.autoCloseWorkingDays;
    const autoDue = addTime(resolved, days * 540, 'working', this.ctx.cal);
    const delay = () => {
      const h = rng.weighted([[0, 55], [1, 30], [2, 15]] as const);
      const minutes = h === 0 ? rng.int(12, 360) : h === 1 ? rng.int(360, 1800) : rng.int(1800, 5760);
      return new Date(Math.min(resolved.getTime() + minutes * MIN, autoDue.getTime() - 30 * MIN));
    };
    const comment = (rating: number) => (rng.chance(rating <= 2 ? 1 : 0.55) ? rng.pick(RATING_COMMENTS[rating as 1 | 2 | 3 | 4 | 5]) : null);

    let closed: Date | null = null;
    switch (p.outcome) {
      case 'auto':
        closed = sim.autoClose(new Date(autoDue.getTime() + rng.int(0, 14) * MIN + rng.int(0, 59) * 1000), days);
        return; // unrated: no follow-up in the demo
      case 'confirmed':
        closed = sim.act('confirm', delay(), ent);
        break;
      case 'confirmedRated': {
        closed = sim.act('confirm', delay(), ent);
        if (closed) sim.act('rate', new Date(closed.getTime() + rng.int(10, 1440) * MIN), ent, { rating: p.rating, note: comment(p.rating) });
        break;
      }
      case 'rated':
        closed = sim.act('rate', delay(), ent, { rating: p.rating, note: comment(p.rating) });
        break;
      case 'bad': {
        // 差评: reopened for rectification; the park manager's follow-up must come before it is solved again.
        const rated = sim.act('rate', delay(), ent, { rating: p.rating, note: comment(p.rating) });
        if (!rated) return;
        const mgr = this.manager(r.parkId);
        if (!mgr) return;
        const fu = sim.followUp(sim.add(rated, rng.int(30, 600)), mgr, true, rng.chance(0.5) ? 'visit' : 'phone', p.rating, '主管回访：已了解企业不满意的原因，督促联络员限期整改');
        if (!fu) return;
        const officer = this.officer(r);
        const fb = sim.act('feedback', sim.add(fu, rng.int(30, 900)), officer, { note: '整改进展：已制定整改方案并组织实施' });
        if (!fb) return;
        const again = sim.act('resolve', sim.within(fb, r.resolveBy, rng, 2, 0.05, 0.6), officer, { note: `整改完成：${this.textOf(sim, 'resolve')}` });
        if (!again) return;
        closed = sim.act('confirm', new Date(again.getTime() + rng.int(30, 2880) * MIN), ent);
        return;
      }
    }
    if (!closed) return;
    // 回访: key issues always (by the park manager, on site); a share of the others by their officer.
    const year = Number(toShanghaiIso(r.receivedAt).slice(0, 4));
    if (p.key) {
      const mgr = this.manager(r.parkId);
      if (mgr) sim.followUp(sim.add(closed, rng.int(120, 2700)), mgr, true, 'visit', p.rating, '重点难题办结后上门回访，企业对协调结果表示满意');
    } else if (p.followUp && r.liaisonId) {
      const s = this.staffById.get(r.liaisonId);
      const rating = r.rating ?? (year === YEAR_2021.year ? rng.weighted([[5, 70], [4, 30]] as const) : rng.weighted([[5, 60], [4, 30], [3, 10]] as const));
      if (s) sim.followUp(sim.add(closed, rng.int(60, 2400)), s, false, rng.chance(0.85) ? 'phone' : 'visit', rating, rng.pick(FOLLOW_UP_NOTES));
    }
  }

  /** A duplicate filed while the original was open, merged into it (并单). */
  private duplicate(original: Sim, e: HistoryEnterprise) {
    const rng = this.rng;
    const o = original.row;
    const end = (o.resolvedAt ?? o.closedAt ?? this.now).getTime();
    const room = (end - o.receivedAt.getTime()) / MIN - 40;
    if (room < 20) return;
    const receivedAt = new Date(o.receivedAt.getTime() + rng.int(15, Math.min(room, 24 * 60)) * MIN);
    const tpl = original.tpl;
    const code = this.categoryCodeById.get(o.categoryId) ?? 'other';
    const dup = this.intake(e, receivedAt, tpl, code, rng.pick(['web', 'mobile', 'phone']));
    const officer = this.officer(dup.row);
    const mergeAt = dup.add(dup.row.createdAt, rng.int(3, 40));
    if (mergeAt.getTime() >= end) {
      this.sims.pop();
      return;
    }
    const merged = dup.act('merge', mergeAt, officer, { note: `与诉求 {num:${o.id}} 重复，并入办理`, mergedIntoId: o.id });
    if (merged) original.event(merged, officer, 'mergedFrom', null, null, `并入重复诉求 {num:${dup.row.id}}`, 'public', { mergedFrom: dup.row.id });
  }

  private template(year: number, date: string): { tpl: RequestTemplate; code: string } {
    const rng = this.rng;
    if (year === 2021 && date >= '2021-07-26' && date <= '2021-08-31' && rng.chance(0.3)) {
      const t = rng.weighted(SUMMER_2021_TEMPLATES.map((x) => [x, x.weight] as const));
      return { tpl: t, code: t.category };
    }
    const code = rng.weighted(CATEGORY_WEIGHTS);
    return { tpl: this.templatesByCategory.get(code)!.pick(rng), code };
  }

  /** One calendar year of traffic (cut at `now`); 2021 exact to the article. */
  year(year: number) {
    const rng = this.rng;
    const y21 = year === YEAR_2021.year;
    const total = y21 ? YEAR_2021.requests : (RECENT_VOLUME[year] ?? Math.round(3180 * 1.06 ** (year - 2026)));
    const first = dayNumber(`${year}-01-01`);
    const last = dayNumber(`${year}-12-31`);
    const festival = this.festivalDays(year);
    const days: number[] = [];
    for (let n = first; n <= last; n++) days.push(n);
    const counts = allocate(total, days.map((n) => this.dayWeight(n, festival)));
    const pool = this.eligible(year);
    if (!pool.size) return;
    // 2021: exactly 39 key difficult problems, spread over the year (none in the last three weeks, so all close in 2021).
    let keyIdx = new Set<number>();
    if (y21) {
      const cutoff = days.findIndex((n) => dateOfDayNumber(n) >= '2021-12-10');
      const before = counts.slice(0, cutoff).reduce((a, b) => a + b, 0);
      keyIdx = new Set(rng.sample([...Array(before).keys()], YEAR_2021.keyIssues));
    }
    const today = shanghaiDayNumber(this.now);
    let k = 0;
    days.forEach((n, i) => {
      if (n > today) return;
      const date = dateOfDayNumber(n);
      const times = Array.from({ length: counts[i]! }, () => this.timeOnDay(n)).sort((a, b) => a.getTime() - b.getTime());
      for (const receivedAt of times) {
        const idx = k++;
        if (receivedAt.getTime() > this.now.getTime() - 2 * MIN) continue;
        const key = y21 ? keyIdx.has(idx) : rng.chance(0.015);
        const e = pool.pick(rng);
        const picked = key ? this.keyTemplate() : this.template(year, date);
        // Key difficult problems mostly come up on visits and calls during the day.
        const channel = key && isDaytime(receivedAt) ? rng.pick(['visit', 'phone', 'web']) : this.channelFor(e, receivedAt, year);
        const sim = this.intake(e, receivedAt, picked.tpl, picked.code, channel);
        const plan = this.planFor(year, key);
        this.live(sim, e, plan);
        if (!y21 && !key && rng.chance(0.009)) this.duplicate(sim, e);
      }
    });
  }

  // ---------------------------------------------------------------- today's open set

  private openState(r: RequestRow): OpenState | null {
    switch (r.status) {
      case 'submitted':
        return r.acceptBy.getTime() < this.now.getTime() ? 'submitted_late' : 'submitted';
      case 'accepted':
        return 'accepted';
      case 'in_progress':
        return r.followUpRequired || r.reopenCount > 0 ? 'rectifying' : r.transferStatus === 'pending' ? 'transfer_pending' : 'in_progress';
      case 'awaiting_info':
        return 'awaiting_info';
      case 'key_issue':
        return 'key_issue';
      case 'resolved':
        return 'resolved';
      default:
        return null;
    }
  }

  /** Tops the naturally open requests up to OPEN_TARGETS, with live work for the demo logins. */
  openSet(demo: { ent0001: HistoryEnterprise | null; liaison01Grid: HistoryEnterprise[] }) {
    const rng = this.rng;
    const have: Record<OpenState, number> = { submitted: 0, submitted_late: 0, accepted: 0, in_progress: 0, transfer_pending: 0, awaiting_info: 0, key_issue: 0, resolved: 0, rectifying: 0 };
    for (const s of this.sims) {
      const st = this.openState(s.row);
      if (st) have[st]++;
    }
    // The demo accounts' own work first (they always get it), then whatever the targets still lack.
    const wanted: { state: OpenState; e: HistoryEnterprise | null }[] = [];
    if (demo.ent0001) for (const state of ['submitted', 'awaiting_info', 'in_progress', 'resolved'] as const) wanted.push({ state, e: demo.ent0001 });
    const grid = demo.liaison01Grid.filter((e) => e.id !== demo.ent0001?.id);
    (['submitted_late', 'accepted', 'key_issue', 'transfer_pending', 'resolved', 'in_progress'] as const).forEach((state, i) => {
      if (grid.length) wanted.push({ state, e: grid[i % grid.length]! });
    });
    for (const w of wanted) have[w.state]++;
    for (const [state, target] of Object.entries(OPEN_TARGETS) as [OpenState, number][]) {
      for (let i = have[state]; i < target; i++) wanted.push({ state, e: null });
    }
    const pool = this.eligible(Number(toShanghaiIso(this.now).slice(0, 4)));
    const demoContacts = this.ctx.enterprises.filter((e) => e.contact?.userId && e.status === 'active');
    for (const w of wanted) {
      const e = w.e ?? (demoContacts.length && rng.chance(0.25) ? rng.pick(demoContacts) : pool.pick(rng));
      this.craft(w.state, e);
    }
  }

  /** One open request in the given state, its history placed between its receipt and `now`. */
  private craft(state: OpenState, e: HistoryEnterprise) {
    const rng = this.rng;
    const cal = this.ctx.cal;
    const ages: Record<OpenState, [number, number]> = {
      submitted: [5, 45],
      submitted_late: [75, 420],
      accepted: [15, 420],
      in_progress: [150, 1500],
      transfer_pending: [60, 500],
      awaiting_info: [40, 900],
      key_issue: [1400, 5000],
      resolved: [90, 2400],
      rectifying: [1600, 4500],
    };
    const [lo, hi] = ages[state];
    const age = rng.int(lo, hi);
    const receivedAt = new Date(subtractWorkingMinutes(this.now, age, cal).getTime() - rng.int(0, 59) * 1000);
    const key = state === 'key_issue';
    // Open outages would run on natural (24×7) time; the crafted set stays on working time.
    let picked: { tpl: RequestTemplate; code: string };
    do picked = key ? this.keyTemplate() : this.template(0, '');
    while (picked.code === 'utilities.outage');
    const isWorking = isDaytime(receivedAt);
    const channel = isWorking ? rng.weighted([['web', 30], ['mobile', 40], ['phone', 15], ['visit', 10], ['kiosk', e.parkIndex <= 1 ? 5 : 0]] as const) : 'mobile';
    const sim = this.intake(e, receivedAt, picked.tpl, picked.code, channel);
    const r = sim.row;
    const officer = this.officer(r);
    const ent = this.enterpriseActor(e);
    const E = workingMinutesBetween(r.clockStartedAt, this.now, cal);
    const at = (f: number) => addTime(r.clockStartedAt, Math.max(1, E * f), 'working', cal);
    const accept = () => sim.act('accept', addTime(r.clockStartedAt, Math.max(1, Math.min(50, E * rng.float() * 0.3)), 'working', cal), officer);
    switch (state) {
      case 'submitted':
      case 'submitted_late':
        return;
      case 'accepted':
        accept();
        return;
      case 'in_progress': {
        if (!accept()) return;
        if (rng.chance(0.4)) {
          const target = this.transferTarget(picked.code);
          if (target) {
            sim.act('transfer', at(0.2), officer, { note: `转${target.dept.name}办理`, departmentId: target.dept.id, internal: true });
            sim.act('deptAccept', at(0.3), actorOf(target.handler), { note: '已签收，安排人员处理', internal: true });
            sim.act('feedback', at(0.4 + 0.3 * rng.float()), actorOf(target.handler), { note: this.textOf(sim, 'feedback') });
            return;
          }
        }
        sim.act('feedback', at(0.3 + 0.4 * rng.float()), officer, { note: this.textOf(sim, 'feedback') });
        return;
      }
      case 'transfer_pending': {
        if (!accept()) return;
        const target = this.transferTarget(picked.code) ?? this.transferTarget('policy');
        if (target) sim.act('transfer', at(0.5 + 0.4 * rng.float()), officer, { note: `转${target.dept.name}办理`, departmentId: target.dept.id, internal: true });
        return;
      }
      case 'awaiting_info':
        if (!accept()) return;
        if (rng.chance(0.4)) sim.act('feedback', at(0.3), officer, { note: '已收到诉求，正在核实情况。' });
        sim.act('returnForInfo', at(0.45 + 0.5 * rng.float()), officer, { note: rng.pick(RETURN_FOR_INFO_NOTES) });
        return;
      case 'key_issue': {
        if (!accept()) return;
        sim.act('feedback', at(0.05), officer, { note: '已初步了解情况，问题较复杂，已向园区主管报告。' });
        const mgr = this.manager(r.parkId);
        const leader = this.pickLeader();
        if (!mgr || !leader) return;
        sim.act('markKeyIssue', at(0.12 + 0.1 * rng.float()), actorOf(mgr), { note: `列为重点难题，由${leader.name}牵头协调解决`, leaderId: leader.id, internal: true });
        if (rng.chance(0.5)) {
          const target = this.transferTarget(picked.code);
          if (target) {
            sim.act('transfer', at(0.3), officer, { note: `转${target.dept.name}协同办理`, departmentId: target.dept.id, internal: true });
            sim.act('deptAccept', at(0.35), actorOf(target.handler), { note: '已签收，配合牵头领导推进', internal: true });
          }
        }
        sim.act('feedback', at(0.6 + 0.3 * rng.float()), rng.chance(0.5) ? actorOf(leader) : officer, { note: this.textOf(sim, 'feedback') });
        return;
      }
      case 'resolved': {
        if (!accept()) return;
        // Resolved recently enough that the enterprise can still rate it (auto-close after N working days).
        const maxBack = Math.min(E * 0.6, (this.ctx.autoCloseWorkingDays - 1) * 540);
        const resolveAt = subtractWorkingMinutes(this.now, rng.int(10, Math.max(11, Math.floor(maxBack))), cal);
        if (rng.chance(0.6)) sim.act('feedback', new Date((r.acceptedAt!.getTime() + resolveAt.getTime()) / 2), officer, { note: this.textOf(sim, 'feedback') });
        sim.act('resolve', resolveAt, officer, { note: this.textOf(sim, 'resolve') });
        return;
      }
      case 'rectifying': {
        if (!accept()) return;
        sim.act('feedback', at(0.08), officer, { note: this.textOf(sim, 'feedback') });
        sim.act('resolve', at(0.2), officer, { note: this.textOf(sim, 'resolve') });
        const rating = rng.weighted([[2, 70], [1, 30]] as const);
        sim.act('rate', at(0.3), ent, { rating, note: rng.pick(RATING_COMMENTS[rating]) });
        const mgr = this.manager(r.parkId);
        if (mgr && rng.chance(0.7)) {
          sim.followUp(at(0.45), mgr, true, 'visit', rating, '主管回访：已了解企业不满意的原因，督促联络员限期整改');
          sim.act('feedback', at(0.7), officer, { note: '整改进展：已制定整改方案并组织实施' });
        }
        return;
      }
    }
  }

  // ---------------------------------------------------------------- finishing

  /** Warnings and breach escalations the sweep fired for clocks that are settled (open clocks are left to the live sweep). */
  private alertsOf(s: Sim) {
    const r = s.row;
    const cal = this.ctx.cal;
    const mode = s.policy.timeMode as TimeMode;
    const paused = (t: number) => s.pauses.some(([a, b]) => t >= a && t <= b);
    const clocks = [
      ['accept', r.acceptBy, r.acceptWarnAt, r.acceptedAt],
      ['feedback', r.feedbackBy, r.feedbackWarnAt, r.firstFeedbackAt],
      ['resolve', r.resolveBy, r.resolveWarnAt, r.resolvedAt],
    ] as const;
    for (const [clock, due, warn, done] of clocks) {
      const end = done ?? r.closedAt;
      if (!end) continue;
      const jitter = (this.ids.float() * 50 + 5) * 1000;
      const push = (kind: 'warning' | 'breach', level: number, at: number) => {
        if (at >= end.getTime() || at > this.now.getTime() || paused(at)) return;
        this.alerts.push({ id: this.id(), operatorId: r.operatorId, requestId: r.id, clock, kind, level, dueAt: due, firedAt: new Date(at) });
      };
      if (warn < due) push('warning', 0, warn.getTime() + jitter);
      if (end > due) for (const step of this.ctx.ladder) push('breach', step.level, addTime(due, step.delayMinutes, mode, cal).getTime() + jitter);
    }
  }

  finish(): GeneratedHistory {
    const requests = this.sims.map((s) => s.row);
    // Numbers: SQ + Shanghai date + daily sequence, in order of receipt.
    const order = [...requests].sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || a.id.localeCompare(b.id));
    const perDay = new Map<string, number>();
    const numberOf = new Map<string, string>();
    for (const r of order) {
      const day = toShanghaiIso(r.receivedAt).slice(0, 10).replaceAll('-', '');
      const seq = (perDay.get(day) ?? 0) + 1;
      perDay.set(day, seq);
      r.number = `SQ${day}${String(seq).padStart(5, '0')}`;
      numberOf.set(r.id, r.number);
    }
    const events: EventRow[] = [];
    for (const s of this.sims) {
      for (const ev of s.events) if (ev.note?.includes('{num:')) ev.note = ev.note.replace(/\{num:([0-9a-f-]+)\}/g, (_m, id: string) => numberOf.get(id) ?? '');
      events.push(...s.events.sort((a, b) => a.at.getTime() - b.at.getTime()));
      this.alertsOf(s);
    }
    const counters: CounterRow[] = [...perDay].map(([day, last]) => ({ operatorId: this.ctx.operatorId, day, last }));
    return { requests: order, events, followUps: this.followUps, alerts: this.alerts, counters };
  }
}

/** 08:30–17:30 Shanghai wall-clock time (any day). */
function isDaytime(at: Date): boolean {
  const m = ((at.getTime() / MIN + 8 * 60) % (24 * 60) + 24 * 60) % (24 * 60);
  return m >= 8 * 60 + 30 && m < 17 * 60 + 30;
}

/** Which years the history covers: 2021 (the article), then 2024 up to `now`. */
export function historyYears(now: Date): number[] {
  const last = Number(toShanghaiIso(now).slice(0, 4));
  const years: number[] = [YEAR_2021.year];
  for (let y = 2024; y <= last; y++) years.push(y);
  return years.filter((y) => y <= last);
}

export function generateRequestHistory(
  ctx: HistoryContext,
  opts: HistoryOptions & { demo?: { ent0001: HistoryEnterprise | null; liaison01Grid: HistoryEnterprise[] } },
): GeneratedHistory {
  const g = new Generator(ctx, opts.now, opts.seed);
  for (const y of historyYears(opts.now)) g.year(y);
  g.openSet(opts.demo ?? { ent0001: null, liaison01Grid: [] });
  return g.finish();
}

/** A digest of the generated history (numbers, states, times, ratings): equal digests = equal data. */
export function historyChecksum(h: Pick<GeneratedHistory, 'requests' | 'events' | 'followUps'>): string {
  const hash = createHash('sha256');
  const t = (d: Date | null) => (d ? d.toISOString() : '');
  for (const r of h.requests) {
    hash.update(
      [r.id, r.number, r.status, r.closeReason ?? '', r.rating ?? '', r.isKeyIssue, r.enterpriseId, r.liaisonId ?? '', t(r.receivedAt), t(r.acceptedAt), t(r.resolvedAt), t(r.closedAt), t(r.resolveBy), r.pausedMinutes, r.title].join('|') + '\n',
    );
  }
  hash.update(`events:${h.events.length};followUps:${h.followUps.length}`);
  for (const e of h.events) hash.update(`${e.requestId}|${e.action}|${t(e.at)}\n`);
  return hash.digest('hex');
}
