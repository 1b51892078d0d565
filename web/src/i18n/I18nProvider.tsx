import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { en, es, type MessageKey, type Messages } from "./catalogue";

export const LANGUAGES = { en: "English", es: "Español" } as const;
export type Language = keyof typeof LANGUAGES;
const CATALOGUES: Record<Language, Messages> = { en, es };
const STORAGE_KEY = "cloth.language";

export function isLanguage(value: string | null | undefined): value is Language {
  return value != null && Object.hasOwn(LANGUAGES, value);
}

/** Replaces `{name}` placeholders; a missing value leaves the placeholder visible, not "undefined". */
export function interpolate(text: string, values: Record<string, string | number> = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}

function initialLanguage(): Language {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (isLanguage(saved)) return saved;
  const browser = globalThis.navigator?.language?.slice(0, 2);
  return isLanguage(browser) ? browser : "en";
}

interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
  formatNumber: (value: number, options?: Intl.NumberFormatOptions) => string;
  formatDate: (value: string | Date) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children, language: fixed }: { children: ReactNode; language?: Language }) {
  const [language, setLanguageState] = useState<Language>(fixed ?? initialLanguage);
  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    globalThis.localStorage?.setItem(STORAGE_KEY, next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo<I18n>(() => {
    // Numbers and dates follow the reader's own locale when it is of the chosen language
    // (es-AR keeps its formats), else the language's default one.
    const browser = globalThis.navigator?.language;
    const locale = browser?.startsWith(language) ? browser : language;
    const numbers = new Intl.NumberFormat(locale);
    const dates = new Intl.DateTimeFormat(locale, { dateStyle: "medium" });
    return {
      language,
      setLanguage,
      t: (key, values) => interpolate(CATALOGUES[language][key], values),
      formatNumber: (n, options) => (options ? new Intl.NumberFormat(locale, options).format(n) : numbers.format(n)),
      formatDate: (d) => dates.format(typeof d === "string" ? new Date(d) : d),
    };
  }, [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error("useI18n outside I18nProvider");
  return i18n;
}
