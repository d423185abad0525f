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
const SUPERVISORS: Role[] = ['admin', 'park_manager'];
const ENTERPRISE: Role[] = ['enterprise_contact'];
const WORKING: RequestStatus[] = ['accepted', 'in_progress', 'key_issue'];
const OPEN: RequestStatus[] = ['submitted', 'accepted', 'in_progress', 'awaiting_info', 'key_issue'];

export const transitions: readonly Transition[] = [
  { action: 'accept', from: ['submitted'], to: 'accepted', roles: STAFF },
  // First and later progress replies; a key issue stays a key issue while being worked on.
  // A department handler works a request once their department has accepted the transfer;
  // a leader works the key difficult problems they own.
  { action: 'feedback', from: WORKING, to: 'same', roles: [...STAFF, 'dept_handler', 'leader'], noteRequired: true },
  { action: 'resolve', from: WORKING, to: 'resolved', roles: [...STAFF, 'dept_handler', 'leader'], noteRequired: true },
  { action: 'returnForInfo', from: ['submitted', 'accepted', 'in_progress'], to: 'awaiting_info', roles: STAFF, noteRequired: true },
  { action: 'reply', from: ['awaiting_info'], to: 'resume', roles: ENTERPRISE, noteRequired: true },
  { action: 'confirm', from: ['resolved'], to: 'closed', roles: ENTERPRISE },
  { action: 'rate', from: ['resolved', 'closed'], to: 'closed', roles: ENTERPRISE },
  { action: 'reopen', from: ['resolved', 'closed'], to: 'in_progress', roles: ENTERPRISE, noteRequired: true },
  // Out of scope: closed with an explanation, never silently.
  { action: 'reject', from: ['submitted', 'accepted'], to: 'closed', roles: STAFF, noteRequired: true },
  // Transfer to a department, which must accept; it may hand back with a reason. The officer stays responsible.
  { action: 'transfer', from: WORKING, to: 'same', roles: STAFF },
  { action: 'deptAccept', from: WORKING, to: 'same', roles: ['dept_handler'] },
  { action: 'handBack', from: WORKING, to: 'same', roles: ['dept_handler'], noteRequired: true },
  { action: 'reassign', from: OPEN, to: 'same', roles: SUPERVISORS, noteRequired: true },
  { action: 'markKeyIssue', from: ['accepted', 'in_progress'], to: 'key_issue', roles: SUPERVISORS, noteRequired: true },
  // A duplicate is closed into the request it repeats (并单), with the link on both timelines.
  { action: 'merge', from: ['submitted', 'accepted', 'in_progress'], to: 'closed', roles: STAFF, noteRequired: true },
];

export function transitionFor(action: RequestAction, status: RequestStatus): Transition | undefined {
  return transitions.find((t) => t.action === action && t.from.includes(status));
}

/** The status after `action`, given the current and the remembered pre-pause status. */
export function nextStatus(t: Transition, current: RequestStatus, resumeStatus: RequestStatus | null): RequestStatus {
  // Work on an accepted request (a reply, a transfer) means it is in progress.
  if (t.to === 'same') return current === 'accepted' && ['feedback', 'transfer', 'deptAccept'].includes(t.action) ? 'in_progress' : current;
  if (t.to === 'resume') return resumeStatus ?? 'submitted';
  return t.to;
}

export const OPEN_STATUSES: readonly RequestStatus[] = ['submitted', 'accepted', 'in_progress', 'awaiting_info', 'key_issue'];
