// Owned by the policies work (issue 4); see eligibility.ts for the rule format.
export {};
