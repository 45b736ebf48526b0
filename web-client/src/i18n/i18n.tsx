import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { DepartmentName } from '../graphql/types';
import { enLabels, zhLabels, type EnumLabels } from './labels';
import { en, zh, type Catalog, type MessageKey } from './messages';

export type Language = 'zh' | 'en';

const CATALOGS: Record<Language, Catalog> = { zh, en };
const LABELS: Record<Language, EnumLabels> = { zh: zhLabels, en: enLabels };
const LOCALES: Record<Language, string> = { zh: 'zh-CN', en: 'en-GB' };
const LANGUAGE_KEY = 'hall.language';

export interface I18n {
  language: Language;
  locale: string;
  setLanguage(language: Language): void;
  /** The message for `key`, with `{name}` placeholders filled from `values`. */
  t(key: MessageKey, values?: Record<string, string | number>): string;
  labels: EnumLabels;
  /** A department's name in the current language. */
  departmentName(department: Pick<DepartmentName, 'name' | 'nameEn'>): string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLanguage(): Language {
  try {
    return window.localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  useEffect(() => {
    document.documentElement.lang = LOCALES[language];
  }, [language]);
  const setLanguage = useCallback((next: Language) => {
    try {
      window.localStorage.setItem(LANGUAGE_KEY, next);
    } catch {
      // Private windows may refuse storage; the switch still holds for this page.
    }
    setLanguageState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const catalog = CATALOGS[language];
    return {
      language,
      locale: LOCALES[language],
      setLanguage,
      labels: LABELS[language],
      t: (key, values) =>
        catalog[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
          values && name in values ? String(values[name]) : whole,
        ),
      departmentName: (department) =>
        language === 'en' && department.nameEn ? department.nameEn : department.name,
    };
  }, [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
