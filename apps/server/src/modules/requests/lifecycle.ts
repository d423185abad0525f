import type { RequestAction, RequestStatus, Role } from '@yqt/contracts';

/**
 * The request state machine as data: from which states an action may be taken, by which roles,
 * and where it leads. The server enforces it; the UI shows `allowedActions` computed from it.
 * 'resume' = back to the status held before `awaiting_info`; 'same' = status unchanged.
 */
export type Transition = {
  action: RequestAction;
  from: readonly RequestStatus[];
  to: RequestStatus | 'resume' | 'same';
  roles: readonly Role[];
  /** A note is required (a reason, an answer, the question asked). */
  noteRequired?: boolean;
};

const STAFF: Role[] = ['admin', 'park_manager', 'liaison'];
const ENTERPRISE: Role[] = ['enterprise_contact'];
const WORKING: RequestStatus[] = ['accepted', 'in_progress', 'key_issue'];

export const transitions: readonly Transition[] = [
  { action: 'accept', from: ['submitted'], to: 'accepted', roles: STAFF },
  // First and later progress replies; a key issue stays a key issue while being worked on.
  { action: 'feedback', from: WORKING, to: 'same', roles: [...STAFF, 'dept_handler'], noteRequired: true },
  { action: 'resolve', from: WORKING, to: 'resolved', roles: [...STAFF, 'dept_handler'], noteRequired: true },
  { action: 'returnForInfo', from: ['submitted', 'accepted', 'in_progress'], to: 'awaiting_info', roles: STAFF, noteRequired: true },
  { action: 'reply', from: ['awaiting_info'], to: 'resume', roles: ENTERPRISE, noteRequired: true },
  { action: 'confirm', from: ['resolved'], to: 'closed', roles: ENTERPRISE },
  { action: 'rate', from: ['resolved', 'closed'], to: 'closed', roles: ENTERPRISE },
  { action: 'reopen', from: ['resolved', 'closed'], to: 'in_progress', roles: ENTERPRISE, noteRequired: true },
  // Out of scope: closed with an explanation, never silently.
  { action: 'reject', from: ['submitted', 'accepted'], to: 'closed', roles: STAFF, noteRequired: true },
];

export function transitionFor(action: RequestAction, status: RequestStatus): Transition | undefined {
  return transitions.find((t) => t.action === action && t.from.includes(status));
}

/** The status after `action`, given the current and the remembered pre-pause status. */
export function nextStatus(t: Transition, current: RequestStatus, resumeStatus: RequestStatus | null): RequestStatus {
  if (t.to === 'same') return current === 'accepted' ? 'in_progress' : current;
  if (t.to === 'resume') return resumeStatus ?? 'submitted';
  return t.to;
}

export const OPEN_STATUSES: readonly RequestStatus[] = ['submitted', 'accepted', 'in_progress', 'awaiting_info', 'key_issue'];
