import type { PolicyAction, PolicyStatus } from '@yqt/contracts';

/**
 * The policy lifecycle as data: draft → published → expired / withdrawn. A withdrawn or expired
 * policy may be published again (corrected, or extended with a new window); its follow-ups keep
 * their status. Every action needs policies.manage of the policy's operator (route + service).
 */
export type Transition = { action: PolicyAction; from: readonly PolicyStatus[]; to: PolicyStatus; reasonRequired?: boolean };

export const transitions: readonly Transition[] = [
  { action: 'publish', from: ['draft', 'withdrawn', 'expired'], to: 'published' },
  { action: 'withdraw', from: ['published'], to: 'withdrawn', reasonRequired: true },
  { action: 'expire', from: ['published'], to: 'expired' },
];

export function transitionFor(action: PolicyAction, status: PolicyStatus): Transition | undefined {
  return transitions.find((t) => t.action === action && t.from.includes(status));
}

export function actionsFrom(status: PolicyStatus): PolicyAction[] {
  return transitions.filter((t) => t.from.includes(status)).map((t) => t.action);
}
