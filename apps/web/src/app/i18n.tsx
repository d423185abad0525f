import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { industrySections, type IndustrySection } from '@yqt/contracts';
import { en, industrySectionsEn, zh, type DictKey } from './dict';

export type Lang = 'zh' | 'en';
const STORAGE_KEY = 'yqt.lang';

type I18n = {
  lang: Lang;
  setLang: (l: Lang) => void;
  /** Translate a key, replacing `{name}` placeholders. */
  t: (key: DictKey, vars?: Record<string, string | number>) => string;
  /** Pick the right side of a contracts `{zh, en}` label. */
  label: (l: { zh: string; en: string } | undefined, fallback?: string) => string;
  industry: (code: string | null | undefined) => string;
};

const I18nContext = createContext<I18n | null>(null);

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((l: Lang) => {
    setLangState(l);
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      /* private mode: keep in memory only */
    }
    document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
  }, []);

  const value = useMemo<I18n>(() => {
    const dict = lang === 'zh' ? zh : en;
    return {
      lang,
      setLang,
      t: (key, vars) => {
        let s: string = dict[key] ?? key;
        if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
        return s;
      },
      label: (l, fallback = '') => (l ? l[lang] : fallback),
      industry: (code) => {
        if (!code) return '';
        const section = code.charAt(0) as IndustrySection;
        const name = lang === 'zh' ? industrySections[section] : industrySectionsEn[section];
        return name ? `${section} ${name}` : code;
      },
    };
  }, [lang, setLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
