import { describe, expect, it } from 'vitest'
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

  it('falls back to bokmål for a key a language leaves out', () => {
    expect(nn['orgUnits.kind.kommune']).toBeUndefined()
    expect(translate('nn', 'orgUnits.kind.kommune')).toBe('Kommune')
    expect(translate('en', 'orgUnits.kind.kommune')).toBe('Municipality')
  })

  it('knows exactly nb, nn and en', () => {
    expect(LANGUAGES).toEqual(['nb', 'nn', 'en'])
  })
})

describe('catalogues', () => {
  for (const [name, catalogue] of Object.entries({ nn, en })) {
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
