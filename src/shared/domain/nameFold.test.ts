import { describe, expect, it } from 'vitest'
import { foldName } from './nameFold'

export const FOLD_CASES: [string, string][] = [
  ['Jon Ødegård', 'jon odegard'],
  ['Jon Odegaard', 'jon odegard'],
  ['Jon Oedegaard', 'jon odegard'],
  ['Åse Æsøy', 'ase asoy'],
  ['Aase Aesoey', 'ase asoy'],
  ['Asbjørn Sæther', 'asbjorn sather'],
  ['Asbjoern Saether', 'asbjorn sather'],
  ['Asbjorn Sather', 'asbjorn sather'],
  ['René Müller', 'rene muller'],
  ['Rene Mueller', 'rene muller'],
  ['Rene Muller', 'rene muller'],
  ['Björk Bråten', 'bjork braten'],
  ['Juni Testesen3', 'juni testesen3'],
]

describe('foldName (both ways)', () => {
  it.each(FOLD_CASES)('%s → %s', (name, folded) => {
    expect(foldName(name)).toBe(folded)
  })
})
