import { priorities, requestKindLabels, requestKinds, type RequestKind } from '@yqt/contracts';
import { toShanghaiIso } from '../sla/sla-engine.js';
import { list, type Obj } from './open311.format.js';
import type { Category, Jurisdiction, PublicRequestRow } from './open311.repo.js';

/** The spec limits descriptions to 4,000 characters; ours allow more. */
export const MAX_DESCRIPTION = 4000;

const iso = (d: Date | string) => toShanghaiIso(new Date(d));

/** Repairs are the natural reading of a property report; everything else defaults to a consultation. */
export function defaultKind(c: Pick<Category, 'code'>): RequestKind {
  return c.code === 'property' || c.code.startsWith('property.') ? 'repair' : 'consultation';
}

const priorityLabels: Record<(typeof priorities)[number], string> = { normal: '一般', urgent: '紧急' };

/** One category as an Open311 service: the group is its top-level category. */
export function toService(c: Category, byId: Map<string, Category>): Obj {
  const parent = c.parentId ? byId.get(c.parentId) : undefined;
  const path = parent ? `${parent.name} / ${c.name}` : c.name;
  const keywords = [...new Set([parent?.name, c.name, ...c.code.split('.')].filter(Boolean))].join(', ');
  return {
    service_code: c.code,
    service_name: c.name,
    description: `园区企业诉求：${path}`,
    // Every service has the optional attributes below (kind, title, priority).
    metadata: true,
    type: 'realtime',
    keywords,
    group: parent?.name ?? c.name,
  };
}

/** The attributes every service accepts (all optional, with the defaults stated). */
export const ATTRIBUTE_CODES = ['kind', 'title', 'priority'] as const;

export function toDefinition(c: Category): Obj {
  return {
    service_code: c.code,
    attributes: list('attribute', [
      {
        variable: true,
        code: 'kind',
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: `不填则为“${requestKindLabels[defaultKind(c)].zh}”`,
        order: 1,
        description: '诉求类型',
        values: list(
          'value',
          requestKinds.map((k) => ({ key: k, name: requestKindLabels[k].zh })),
        ),
      },
      {
        variable: true,
        code: 'title',
        datatype: 'string',
        required: false,
        datatype_description: '不超过100个字符；不填则取描述的开头',
        order: 2,
        description: '诉求标题',
      },
      {
        variable: true,
        code: 'priority',
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: '不填则为“一般”；紧急诉求适用更短的办理时限',
        order: 3,
        description: '紧急程度',
        values: list(
          'value',
          priorities.map((p) => ({ key: p, name: priorityLabels[p] })),
        ),
      },
    ]),
  };
}

/**
 * One request in the public view. `status` is the spec's two-valued one: everything not closed
 * is open. The address goes from most specific to most general (location note, building, park);
 * the unit is left out because it would identify the enterprise.
 */
export function toPublicRequest(r: PublicRequestRow, op: Jurisdiction, origin: string): Obj {
  const closed = r.status === 'closed';
  const address = [r.locationNote, r.buildingName, r.parkName].filter(Boolean).join('，');
  return {
    service_request_id: r.number,
    status: closed ? 'closed' : 'open',
    status_notes: r.statusNote,
    service_name: r.serviceName,
    service_code: r.serviceCode,
    description: r.description.slice(0, MAX_DESCRIPTION),
    agency_responsible: op.name,
    requested_datetime: iso(r.receivedAt),
    // For closed requests the spec wants the closing time here.
    updated_datetime: iso(closed && r.closedAt ? r.closedAt : r.updatedAt),
    expected_datetime: iso(r.resolveBy),
    address: address || null,
    address_id: r.buildingId,
    zipcode: null,
    lat: r.lat,
    long: r.lng,
    // Attachments are served by the application after its own authorization check.
    media_url: r.attachmentId ? `${origin}/api/v1/requests/${r.id}/attachments/${r.attachmentId}` : undefined,
  };
}
