import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react'
import type { MessageKey } from './catalogue'
import { INTL_LOCALES, LANGUAGES, type Language, type MessageVars, translate } from './translate'

export type { MessageKey } from './catalogue'
export { LANGUAGES, type Language, type MessageVars, translate } from './translate'

/** Language names are shown in their own language, whatever the current UI language is. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  nb: 'Norsk bokmål',
  nn: 'Norsk nynorsk',
  en: 'English',
}

const STORAGE_KEY = 'smittespor.language'

export type Translate = (key: MessageKey, vars?: MessageVars) => string

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

export interface I18n {
  language: Language
  setLanguage: (language: Language) => void
  /** BCP 47 locale for Intl formatting, e.g. nb-NO. */
  locale: string
  t: Translate
  /** Formats an ISO date-time as a date in Norwegian time. */
  formatDate: (iso: string) => string
}

const I18nContext = createContext<I18n | null>(null)

function storedLanguage(): Language | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY)
    return isLanguage(value) ? value : null
  } catch {
    // localStorage can throw when storage is disabled; the default language is fine then.
    return null
  }
}

function storeLanguage(language: Language) {
  try {
    window.localStorage.setItem(STORAGE_KEY, language)
  } catch {
    // Not persisting the choice is acceptable.
  }
}

/** Holds the UI language, persists it in localStorage and keeps `<html lang>` in step. */
export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Language }) {
  const [language, setLanguageState] = useState<Language>(() => initial ?? storedLanguage() ?? 'nb')

  useEffect(() => {
    document.documentElement.lang = language
  }, [language])

  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next)
    storeLanguage(next)
  }, [])

  const value = useMemo<I18n>(() => {
    const locale = INTL_LOCALES[language]
    const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Oslo' })
    return {
      language,
      setLanguage,
      locale,
      t: (key, vars) => translate(language, key, vars),
      formatDate: (iso) => {
        const date = new Date(iso)
        return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date)
      },
    }
  }, [language, setLanguage])

  return <I18nContext value={value}>{children}</I18nContext>
}

export function useI18n(): I18n {
  const value = useContext(I18nContext)
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>')
  return value
}

/** The translate function for the current language: `const t = useT(); t('nav.start')`. */
export function useT(): Translate {
  return useI18n().t
}
