import type { RequestDetail, RequestStatus, RequestSummary } from '@yqt/contracts';
import { requestActions } from '@yqt/contracts';
import type { Actor } from '../../core/actor.js';
import type { requestEvents, slaPolicies } from '../../db/schema/index.js';
import { toShanghaiIso } from '../sla/sla-engine.js';
import { canAct } from './requests.policy.js';
import type { SummaryRow } from './requests.repo.js';

const iso = (d: Date | string) => toShanghaiIso(new Date(d));
const isoOrNull = (d: Date | string | null) => (d ? iso(d) : null);

export function toSummary({ r, categoryName, enterpriseName, parkName, liaisonName }: SummaryRow): RequestSummary {
  return {
    id: r.id,
    number: r.number,
    status: r.status as RequestStatus,
    kind: r.kind as RequestSummary['kind'],
    channel: r.channel as RequestSummary['channel'],
    priority: r.priority as RequestSummary['priority'],
    title: r.title,
    categoryId: r.categoryId,
    categoryName,
    enterpriseId: r.enterpriseId,
    enterpriseName,
    parkId: r.parkId,
    parkName,
    liaisonId: r.liaisonId,
    liaisonName,
    isKeyIssue: r.isKeyIssue,
    receivedAt: iso(r.receivedAt),
    acceptBy: iso(r.acceptBy),
    feedbackBy: iso(r.feedbackBy),
    resolveBy: iso(r.resolveBy),
    closedAt: isoOrNull(r.closedAt),
    rating: r.rating,
    version: r.version,
  };
}

/** One SLA clock's state now: met/late once done; paused while awaiting info (unless already breached then); else by warn/due time. */
function clock(dueAt: Date, warnAt: Date, doneAt: Date | null, pausedAt: Date | null, now: Date) {
  const state = doneAt
    ? doneAt <= dueAt
      ? 'met'
      : 'late'
    : pausedAt && pausedAt <= dueAt
      ? 'paused'
      : now > dueAt
        ? 'breached'
        : now >= warnAt
          ? 'warning'
          : 'running';
  return { dueAt: iso(dueAt), warnAt: iso(warnAt), doneAt: isoOrNull(doneAt), state } as const;
}

export function toDetail(
  actor: Actor,
  row: SummaryRow,
  events: (typeof requestEvents.$inferSelect)[],
  policy: typeof slaPolicies.$inferSelect,
  follow: { id: string; method: string; rating: number | null; note: string | null; at: Date; staffName: string | null }[],
  now: Date,
): Omit<RequestDetail, 'attachments'> {
  const r = row.r;
  return {
    ...toSummary(row),
    description: r.description,
    submitterName: r.submitterName,
    submitterPhone: r.submitterPhone,
    buildingId: r.buildingId,
    unitId: r.unitId,
    locationNote: r.locationNote,
    clockStartedAt: iso(r.clockStartedAt),
    clocks: {
      accept: clock(r.acceptBy, r.acceptWarnAt, r.acceptedAt, r.pausedAt, now),
      feedback: clock(r.feedbackBy, r.feedbackWarnAt, r.firstFeedbackAt, r.pausedAt, now),
      resolve: clock(r.resolveBy, r.resolveWarnAt, r.resolvedAt, r.pausedAt, now),
    },
    acceptedAt: isoOrNull(r.acceptedAt),
    firstFeedbackAt: isoOrNull(r.firstFeedbackAt),
    resolvedAt: isoOrNull(r.resolvedAt),
    closeReason: r.closeReason,
    ratingComment: r.ratingComment,
    reopenCount: r.reopenCount,
    departmentId: r.departmentId,
    departmentName: row.departmentName,
    transferStatus: r.transferStatus as RequestDetail['transferStatus'],
    keyIssueLeaderId: r.keyIssueLeaderId,
    rectificationBy: isoOrNull(r.rectificationBy),
    followUpRequired: r.followUpRequired,
    followUps: follow.map((f) => ({ ...f, at: iso(f.at) })),
    slaPolicy: { id: policy.id, version: policy.version, name: policy.name },
    timeline: events.map((e) => ({
      id: String(e.id),
      at: iso(e.at),
      actorName: e.actorName,
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      note: e.note,
      visibility: e.visibility as 'public' | 'internal',
    })),
    allowedActions: requestActions.filter((a) => canAct(actor, a, r)),
  };
}
