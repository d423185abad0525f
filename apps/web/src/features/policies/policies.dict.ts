/** UI texts of the policy library, service guides, rule editor and follow-ups (merged into app/dict.ts). */
export const policiesZh = {
  'nav.policies': '惠企政策',
} as const;

export const policiesEn: Record<keyof typeof policiesZh, string> = {
  'nav.policies': 'Policies',
};
