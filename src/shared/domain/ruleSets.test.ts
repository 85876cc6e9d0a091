import { describe, expect, it } from 'vitest'
import { addDaysOslo } from './dates'
import type { RuleSet } from './measures'
import { DEFAULT_RULE_SETS, ruleSetProblems } from './ruleSets'

const base: RuleSet = {
  id: 'a',
  name: 'A',
  validFrom: '2021-01-01',
  validTo: '2021-06-30',
  source: 'test fixture',
  quarantine: { days: 10, from: 'last-exposure', testOutDay: 7 },
  isolation: { days: 10, from: 'onset-or-test' },
}

describe('DEFAULT_RULE_SETS', () => {
  it('is a valid list: no overlaps, sane durations, unique ids', () => {
    expect(ruleSetProblems(DEFAULT_RULE_SETS)).toEqual([])
  })

  it('leaves no gap between the first set and the open-ended last one', () => {
    for (let i = 1; i < DEFAULT_RULE_SETS.length; i++) {
      const previous = DEFAULT_RULE_SETS[i - 1]
      const current = DEFAULT_RULE_SETS[i]
      if (!previous?.validTo || !current) throw new Error(`set ${i - 1} must have an end date`)
      expect(addDaysOslo(previous.validTo, 1), current.id).toBe(current.validFrom)
    }
    expect(DEFAULT_RULE_SETS.at(-1)?.validTo).toBeNull()
  })

  it('documents the history SPEC §4 names', () => {
    const summary = DEFAULT_RULE_SETS.map((r) => [
      r.validFrom,
      r.quarantine?.days ?? null,
      r.quarantine?.testOutDay ?? null,
      r.isolation?.days ?? null,
    ])
    expect(summary).toEqual([
      ['2020-03-12', 14, null, null],
      ['2020-05-07', 10, null, null],
      ['2021-01-01', 10, 7, 10],
      ['2021-09-25', 10, 7, 5],
      ['2021-12-15', 10, 7, 6],
      ['2022-02-12', null, null, null],
    ])
    for (const r of DEFAULT_RULE_SETS) expect(r.source.length, r.id).toBeGreaterThan(40)
  })
})

describe('ruleSetProblems', () => {
  it.each<[string, RuleSet[], string[]]>([
    ['one valid set', [base], []],
    ['adjacent sets', [base, { ...base, id: 'b', validFrom: '2021-07-01', validTo: null }], []],
    [
      'overlap by one day',
      [base, { ...base, id: 'b', validFrom: '2021-06-30', validTo: null }],
      ['Regelsettene «a» og «b» gjelder samtidig'],
    ],
    [
      'an open-ended set followed by another',
      [
        { ...base, validTo: null },
        { ...base, id: 'b', validFrom: '2022-01-01', validTo: null },
      ],
      ['Regelsettene «a» og «b» gjelder samtidig'],
    ],
    [
      'a long set overlapping a non-neighbour',
      [
        { ...base, validTo: '2021-12-31' },
        { ...base, id: 'b', validFrom: '2021-02-01', validTo: '2021-02-10' },
        { ...base, id: 'c', validFrom: '2021-03-01', validTo: '2021-03-10' },
      ],
      ['Regelsettene «a» og «b» gjelder samtidig', 'Regelsettene «a» og «c» gjelder samtidig'],
    ],
    [
      'duplicate id',
      [base, { ...base, validFrom: '2021-07-01', validTo: null }],
      ['Regelsettet «a» finnes flere ganger'],
    ],
    ['end before start', [{ ...base, validTo: '2020-12-31' }], ['«a»: til-dato er før fra-dato']],
    ['bad date', [{ ...base, validFrom: '2021-02-30' }], ['«a»: ugyldig fra-dato']],
    [
      'zero days',
      [{ ...base, quarantine: { days: 0, from: 'last-exposure', testOutDay: null } }],
      ['«a»: karantenetiden må være minst 1 døgn'],
    ],
    [
      'test-out after the end',
      [{ ...base, quarantine: { days: 10, from: 'last-exposure', testOutDay: 10 } }],
      ['«a»: test ut-døgnet må være mellom 1 og karantenetiden'],
    ],
    [
      'fractional isolation',
      [{ ...base, isolation: { days: 2.5, from: 'onset-or-test' } }],
      ['«a»: isolasjonstiden må være minst 1 døgn'],
    ],
  ])('%s', (_name, sets, expected) => {
    expect(ruleSetProblems(sets)).toEqual(expected)
  })
})
