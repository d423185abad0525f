/** UI texts of indicators, policy matches (可申报) and applications (merged into app/dict.ts). */
export const applicationsZh = {
  'nav.applications': '政策申报',
} as const;

export const applicationsEn: Record<keyof typeof applicationsZh, string> = {
  'nav.applications': 'Applications',
};
