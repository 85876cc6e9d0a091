import { describe, expect, it } from 'vitest'
import { auditLogNb } from '../features/audit-log/messages'
import { chainsNb } from '../features/chains/messages'
import { eventsNb } from '../features/events/messages'
import { fregNb } from '../features/freg/messages'
import { importsNb } from '../features/imports/messages'
import { measuresNb } from '../features/measures/messages'
import { reportingNb } from '../features/reports/messages'
import { retentionNb } from '../features/retention/messages'
import { transfersNb } from '../features/transfers/messages'
import { caseworkNb } from './casework.nb'
import { en } from './en'
import { LANGUAGES, translate } from './index'
import { type MessageKey, nb } from './nb'
import { nn } from './nn'

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('nb', 'orgUnits.search.hits', { count: 3 })).toBe('Treff: 3')
    expect(translate('nb', 'orgUnits.search.hits')).toBe('Treff: {count}')
  })

  it('uses the chosen language', () => {
    expect(translate('nb', 'nav.events')).toBe('Hendelser')
    expect(translate('nn', 'nav.events')).toBe('Hendingar')
    expect(translate('en', 'nav.events')).toBe('Events')
  })

  it('knows exactly nb, nn and en', () => {
    expect(LANGUAGES).toEqual(['nb', 'nn', 'en'])
  })
})

describe('catalogues', () => {
  const nbKeys = Object.keys(nb) as MessageKey[]

  for (const [name, catalogue] of Object.entries({ nn, en })) {
    // The PartialMessages type lets a language be assembled from feature files; this keeps it whole.
    it(`${name} has every key nb has`, () => {
      expect(nbKeys.filter((key) => catalogue[key] === undefined)).toEqual([])
    })

    it(`${name} has no key nb lacks`, () => {
      expect(Object.keys(catalogue).filter((key) => !(key in nb))).toEqual([])
    })

    it(`${name} has no empty message`, () => {
      expect(Object.entries(catalogue).filter(([, text]) => (text ?? '').trim() === '')).toEqual([])
    })

    it(`${name} uses the same placeholders as nb in every key`, () => {
      for (const [key, text] of Object.entries(catalogue)) {
        expect([key, placeholders(text ?? '')]).toEqual([key, placeholders(nb[key as MessageKey])])
      }
    })
  }

  it('nb has no empty message', () => {
    expect(Object.entries(nb).filter(([, text]) => text.trim() === '')).toEqual([])
  })
})

describe('feature message files', () => {
  // nb.ts spreads them into one catalogue: a key in two files silently shows the later file's
  // text (the event dialog once showed the quarantine dialog's wording).
  it('never define the same key twice', () => {
    const parts = {
      caseworkNb,
      eventsNb,
      chainsNb,
      transfersNb,
      auditLogNb,
      importsNb,
      fregNb,
      measuresNb,
      reportingNb,
      retentionNb,
    }
    const owner = new Map<string, string>()
    const twice: string[] = []
    for (const [part, messages] of Object.entries(parts))
      for (const key of Object.keys(messages)) {
        if (owner.has(key)) twice.push(`${key}: ${owner.get(key)} and ${part}`)
        else owner.set(key, part)
      }
    expect(twice).toEqual([])
  })
})
