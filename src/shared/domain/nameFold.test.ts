import { describe, expect, it } from 'vitest'
import { foldName } from './nameFold'
import { FOLD_CASES } from './nameFold.cases'

describe('foldName (both ways)', () => {
  it.each(FOLD_CASES)('%s → %s', (name, folded) => {
    expect(foldName(name)).toBe(folded)
  })
})
