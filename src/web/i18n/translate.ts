import { TYPE } from '@formatjs/icu-messageformat-parser'
import { IntlMessageFormat } from 'intl-messageformat'
import { catalogues, type MessageKey } from './catalogue'

export const LANGUAGES = ['nb', 'nn', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

/** BCP 47 locale for Intl formatting and for the plural rules of each language. */
export const INTL_LOCALES: Record<Language, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' }

export type MessageVars = Record<string, string | number>

type Element = ReturnType<IntlMessageFormat['getAst']>[number]

/** The names of a message's arguments, also those inside plural and select branches. */
export function argumentNames(elements: readonly Element[]): string[] {
  const names = new Set<string>()
  const walk = (els: readonly Element[]) => {
    for (const el of els) {
      if (el.type === TYPE.literal || el.type === TYPE.pound) continue
      if (el.type === TYPE.tag) {
        walk(el.children)
        continue
      }
      names.add(el.value)
      if (el.type === TYPE.plural || el.type === TYPE.select)
        for (const option of Object.values(el.options)) walk(option.value)
    }
  }
  walk(elements)
  return [...names].sort()
}

const compiled = new Map<string, { format: IntlMessageFormat; names: string[] }>()

/** Parses a message once per language (`<` is text here: messages hold no markup). */
export function compile(language: Language, template: string) {
  const id = `${language}\u0000${template}`
  let entry = compiled.get(id)
  if (!entry) {
    const format = new IntlMessageFormat(template, INTL_LOCALES[language], undefined, { ignoreTag: true })
    entry = { format, names: argumentNames(format.getAst()) }
    compiled.set(id, entry)
  }
  return entry
}

/**
 * Looks a key up in `language`, falling back to bokmål, and fills it from `vars` with ICU
 * MessageFormat: `{name}` takes a value, `{count, plural, one {…} other {…}}` picks the language's
 * plural form through `Intl.PluralRules`. A value left out stays visible as `{name}`, so a
 * forgotten variable shows on screen instead of breaking the page.
 */
export function translate(language: Language, key: MessageKey, vars?: MessageVars): string {
  const template = catalogues[language][key] ?? catalogues.nb[key]
  const { format, names } = compile(language, template)
  const values: Record<string, string | number> = {}
  for (const name of names) values[name] = vars?.[name] ?? `{${name}}`
  return String(format.format(values))
}
