import type { ApplicationAction, ApplicationStatus, Role } from '@yqt/contracts';

/**
 * The application (申报) state machine as data: from which states an action may be taken, by which
 * roles, and where it leads. The server enforces it; the UI shows `allowedActions` computed from it.
 * Which *instance* of a role may act (this enterprise's officer, this policy's department) is decided
 * in applications.policy.ts.
 */
export type Transition = {
  action: ApplicationAction;
  from: readonly ApplicationStatus[];
  to: ApplicationStatus;
  roles: readonly Role[];
  /** A reason is required (it is shown to the enterprise). */
  reasonRequired?: boolean;
};

/** 预审: the enterprise's liaison officer; park managers in their parks; admins. */
const PRECHECKERS: Role[] = ['admin', 'park_manager', 'liaison'];
/** 审核 and 兑现: a handler of the policy's 受理部门; admins. */
const REVIEWERS: Role[] = ['admin', 'dept_handler'];
const ENTERPRISE: Role[] = ['enterprise_contact'];

export const transitions: readonly Transition[] = [
  { action: 'precheck', from: ['submitted'], to: 'prechecked', roles: PRECHECKERS },
  // Return for completion (退回补正): at pre-check by the officer, or at review by the department.
  { action: 'return', from: ['submitted'], to: 'returned', roles: PRECHECKERS, reasonRequired: true },
  { action: 'return', from: ['prechecked'], to: 'returned', roles: REVIEWERS, reasonRequired: true },
  // A completed application goes back through pre-check.
  { action: 'resubmit', from: ['returned'], to: 'submitted', roles: ENTERPRISE },
  { action: 'approve', from: ['prechecked'], to: 'approved', roles: REVIEWERS },
  { action: 'reject', from: ['prechecked'], to: 'rejected', roles: REVIEWERS, reasonRequired: true },
  { action: 'disburse', from: ['approved'], to: 'disbursed', roles: REVIEWERS },
  // Before a decision only.
  { action: 'withdraw', from: ['submitted', 'returned', 'prechecked'], to: 'withdrawn', roles: ENTERPRISE },
];

export function transitionFor(action: ApplicationAction, status: ApplicationStatus): Transition | undefined {
  return transitions.find((t) => t.action === action && t.from.includes(status));
}

/** Every transition of an action, whatever the state (to tell "not your role" 403 from "state moved" 409). */
export function transitionsOf(action: ApplicationAction): Transition[] {
  return transitions.filter((t) => t.action === action);
}

/** Materials may be added or removed while the application is with the enterprise or its officer. */
export const EDITABLE_STATUSES: readonly ApplicationStatus[] = ['submitted', 'returned'];
