import { describe, expect, it } from 'vitest'
import { checkNationalId } from '../../shared/domain/nationalId'
import { syntheticNationalId } from './synthetic-id'
import { SyntheticIdSequence } from './synthetic-ids'

describe('synthetic national ids', () => {
  it('are valid Tenor numbers with the right birth date', () => {
    for (const [date, n] of [
      ['1990-05-17', 0],
      ['2004-02-29', 3],
      ['1931-12-31', 10],
    ] as const) {
      const id = syntheticNationalId(date, n)
      const r = checkNationalId(id)
      expect(r).toMatchObject({ ok: true, idType: 'tnr', synthetic: true, birthDate: date })
    }
  })

  it('the bulk sequence yields 20,000 distinct valid synthetic ids', () => {
    const seq = new SyntheticIdSequence()
    const seen = new Set<string>()
    for (let i = 0; i < 20_000; i++) {
      const { id, birthDate } = seq.next(i % 97)
      expect(seen.has(id)).toBe(false)
      seen.add(id)
      if (i % 997 === 0) expect(checkNationalId(id)).toMatchObject({ ok: true, synthetic: true, birthDate })
    }
  })
})
