import { TYPE } from '@formatjs/icu-messageformat-parser'
import { describe, expect, it } from 'vitest'
import { catalogues, FEATURE_MESSAGES, type MessageKey } from './catalogue'
import { argumentNames, compile, INTL_LOCALES, LANGUAGES, type Language, translate } from './translate'

const nbKeys = Object.keys(catalogues.nb) as MessageKey[]

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('nb', 'orgUnits.search.hits', { count: 3 })).toBe('Treff: 3')
    expect(translate('nb', 'orgUnits.search.hits')).toBe('Treff: {count}')
    expect(translate('nb', 'session.activeKommune', { name: 'Oslo' })).toBe('Aktiv kommune: Oslo')
  })

  it('uses the chosen language', () => {
    expect(translate('nb', 'nav.events')).toBe('Hendelser')
    expect(translate('nn', 'nav.events')).toBe('Hendingar')
    expect(translate('en', 'nav.events')).toBe('Events')
  })

  it('knows exactly nb, nn and en', () => {
    expect(LANGUAGES).toEqual(['nb', 'nn', 'en'])
  })

  it('keeps markup-looking text as text', () => {
    expect(translate('nb', 'report.smallNumbers')).toMatch(/^«<5» betyr/)
  })
})

describe('plural forms', () => {
  // The sentences that once read "Viser 1 smittekjeder" or "1 samtaler", in every language.
  const cases: [Language, MessageKey, Record<string, number | string>, string][] = [
    ['nb', 'chains.shown', { count: 1 }, 'Viser 1 smittekjede.'],
    ['nb', 'chains.shown', { count: 2 }, 'Viser 2 smittekjeder.'],
    ['nn', 'chains.shown', { count: 1 }, 'Viser 1 smittekjede.'],
    ['en', 'chains.shown', { count: 1 }, 'Showing 1 transmission chain.'],
    ['en', 'chains.shown', { count: 0 }, 'Showing 0 transmission chains.'],
    ['nb', 'followUp.count', { count: 1 }, '1 samtale'],
    ['nb', 'followUp.count', { count: 5 }, '5 samtaler'],
    ['nn', 'followUp.count', { count: 1 }, '1 samtale'],
    ['nn', 'followUp.count', { count: 2 }, '2 samtalar'],
    ['en', 'followUp.count', { count: 1 }, '1 call'],
    ['nb', 'cases.shown', { count: 1 }, 'Viser 1 sak.'],
    ['nb', 'events.shown', { count: 1 }, 'Viser 1 hendelse.'],
    ['nb', 'auditLog.count', { count: 1 }, 'Viser 1 hendelse.'],
    ['nb', 'worklists.overdue', { days: 1 }, '1 dag på etterskudd'],
    ['nb', 'followUp.overdue', { days: 3 }, '3 dager forsinket'],
    ['nb', 'pgrid.saved', { count: 1 }, '1 deltaker er lagret.'],
    ['nb', 'bulk.selected', { count: 1 }, '1 deltaker valgt.'],
    ['nb', 'grid.saved', { count: 1 }, 'Kontakten er lagret (1).'],
    ['nb', 'grid.saved', { count: 5 }, 'Kontaktene er lagret (5).'],
    ['nb', 'retention.preview.count', { count: 1 }, '1 registrering.'],
    ['nb', 'retention.settings.daysValue', { days: 1 }, '1 dag'],
    ['nb', 'innsyn.count', { count: 1 }, '1 hendelse.'],
    ['en', 'ruleSets.days', { days: 1 }, '1 day'],
    [
      'nb',
      'chain.summary',
      { persons: 13, cases: 1, contacts: 12, events: 1 },
      '13 personer: 1 tilfelle, 12 nærkontakter, 1 hendelse.',
    ],
    [
      'nb',
      'event.counts',
      { participants: 1, cases: 1, contacts: 0, attendees: 1, exposed: 1 },
      '1 deltaker: 1 tilfelle, 0 nærkontakter, 1 annen. 1 nærkontakt registrert fra hendelsen.',
    ],
    [
      'nb',
      'bulk.result',
      { created: 1, linked: 0, already: 1 },
      '1 ny nærkontakt, 0 koblet til eksisterende, 1 var allerede nærkontakt.',
    ],
    [
      'nb',
      'imports.report.counts',
      { rows: 1, valid: 1, errors: 0, duplicates: 0 },
      '1 rad: 1 gyldig, 0 med feil, 0 hoppes over (allerede importert eller gjentatt)',
    ],
    [
      'en',
      'national.submittedCount',
      { submitted: 1, total: 1, week: '2021-W03' },
      '1 of 1 active municipality have submitted for week 2021-W03.',
    ],
  ]
  for (const [language, key, vars, expected] of cases)
    it(`${language} ${key} ${JSON.stringify(vars)}`, () =>
      expect(translate(language, key, vars)).toBe(expected))
})

describe('catalogues', () => {
  for (const language of ['nn', 'en'] as const) {
    const catalogue = catalogues[language] as Record<string, string | undefined>
    it(`${language} has every key nb has`, () => {
      expect(nbKeys.filter((key) => catalogue[key] === undefined)).toEqual([])
    })
    it(`${language} has no key nb lacks`, () => {
      expect(Object.keys(catalogue).filter((key) => !(key in catalogues.nb))).toEqual([])
    })
  }

  for (const language of LANGUAGES) {
    const catalogue = catalogues[language]

    it(`${language} has no empty message`, () => {
      expect(nbKeys.filter((key) => catalogue[key].trim() === '')).toEqual([])
    })

    it(`${language} messages are valid ICU and use the same placeholders as nb`, () => {
      const names = (lang: Language, key: MessageKey) => compile(lang, catalogues[lang][key]).names
      for (const key of nbKeys) expect([key, names(language, key)]).toEqual([key, names('nb', key)])
    })

    it(`${language} text outside placeholders reads exactly as written (no ICU quoting surprises)`, () => {
      for (const key of nbKeys) {
        const template = catalogue[key]
        const { format, names } = compile(language, template)
        const hasBranches = format.getAst().some((el) => el.type === TYPE.plural || el.type === TYPE.select)
        if (hasBranches) continue
        const filled = Object.fromEntries(names.map((n) => [n, `{${n}}`]))
        expect([key, format.format(filled)]).toEqual([key, template])
      }
    })

    it(`${language} plurals give every plural form of the language and an "other"`, () => {
      const categories = new Intl.PluralRules(INTL_LOCALES[language]).resolvedOptions().pluralCategories
      const incomplete: string[] = []
      const walk = (
        key: string,
        elements: ReturnType<typeof compile>['format'] extends { getAst(): infer A } ? A : never,
      ) => {
        for (const el of elements) {
          if (el.type !== TYPE.plural) continue
          for (const c of categories)
            if (!(c in el.options)) incomplete.push(`${key}: ${el.value} lacks ${c}`)
          for (const option of Object.values(el.options)) walk(key, option.value)
        }
      }
      for (const key of nbKeys) walk(key, compile(language, catalogue[key]).format.getAst())
      expect(incomplete).toEqual([])
    })

    it(`${language} never puts a bare {count} before a word (use a plural)`, () => {
      // `count` is the name of a number of things; "Treff: {count}" and "Innboks ({count})" need no plural.
      const bare = nbKeys.filter((key) => /\{count\}\s+\p{L}|\p{L}\s+\{count\}\s/u.test(catalogue[key]))
      expect(bare).toEqual([])
    })
  }
})

describe('feature message files', () => {
  // The catalogue merges them into one: a key in two files would silently show the later file's
  // text (the event dialog once showed the quarantine dialog's wording).
  it('never define the same key twice', () => {
    const owner = new Map<string, string>()
    const twice: string[] = []
    for (const [feature, messages] of Object.entries(FEATURE_MESSAGES))
      for (const key of Object.keys(messages.nb)) {
        if (owner.has(key)) twice.push(`${key}: ${owner.get(key)} and ${feature}`)
        else owner.set(key, feature)
      }
    expect(twice).toEqual([])
  })

  it('argumentNames finds arguments inside plural branches', () => {
    expect(compile('nb', '{n, plural, one {# av {total}} other {# av {total}}} i {name}').names).toEqual([
      'n',
      'name',
      'total',
    ])
    expect(argumentNames(compile('nb', 'Ingen').format.getAst())).toEqual([])
  })
})
