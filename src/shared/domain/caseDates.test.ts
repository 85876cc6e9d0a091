import { describe, expect, it } from 'vitest'
import { type CaseDates, caseDateErrors, futureDateError } from './caseDates'

const today = '2021-03-10'

describe('caseDateErrors', () => {
  const cases: [string, CaseDates, Record<string, string>][] = [
    ['plausible case', { testDate: '2021-03-08', resultDate: '2021-03-09', onsetDate: '2021-03-06' }, {}],
    ['probable case without test date', { probable: true }, {}],
    ['missing test date', {}, { testDate: 'Fyll ut testdato, eller marker tilfellet som sannsynlig' }],
    [
      'test date tomorrow',
      { testDate: '2021-03-11' },
      { testDate: 'Testdato kan ikke være fram i tid (i dag er 10.03.2021)' },
    ],
    [
      'result before test',
      { testDate: '2021-03-08', resultDate: '2021-03-07' },
      { resultDate: 'Svardato kan ikke være før testdato' },
    ],
    ['onset 14 days after test is allowed', { testDate: '2021-02-20', onsetDate: '2021-03-06' }, {}],
    [
      'onset 15 days after test',
      { testDate: '2021-02-19', onsetDate: '2021-03-06' },
      { onsetDate: 'Symptomstart kan ikke være mer enn 14 dager etter testdato' },
    ],
    [
      'onset more than a year before test',
      { testDate: '2021-03-08', onsetDate: '2020-03-07' },
      { onsetDate: 'Symptomstart er mer enn ett år før testdato – sjekk årstallet' },
    ],
    [
      'infection after onset',
      { testDate: '2021-03-08', onsetDate: '2021-03-05', likelyInfectionDate: '2021-03-06' },
      { likelyInfectionDate: 'Sannsynlig smittedato kan ikke være etter symptomstart' },
    ],
    [
      'infection after test',
      { testDate: '2021-03-08', likelyInfectionDate: '2021-03-09' },
      { likelyInfectionDate: 'Sannsynlig smittedato kan ikke være etter testdato' },
    ],
    [
      'isolation ends before test',
      { testDate: '2021-03-08', isolationEnd: '2021-03-07' },
      { isolationEnd: 'Isolasjonen kan ikke slutte før symptomstart eller testdato' },
    ],
    ['future isolation end is fine', { testDate: '2021-03-08', isolationEnd: '2021-03-18' }, {}],
    [
      'future vaccination date',
      { testDate: '2021-03-08', vaccinationDate: '2021-04-01' },
      { vaccinationDate: 'Vaksinasjonsdato kan ikke være fram i tid (i dag er 10.03.2021)' },
    ],
  ]
  it.each(cases)('%s', (_name, input, expected) => {
    const got = Object.fromEntries(caseDateErrors(input, today).map((e) => [e.field, e.message]))
    expect(got).toEqual(expected)
  })

  it('reports one message per field (the future-date one first)', () => {
    const errors = caseDateErrors({ testDate: '2021-03-12', resultDate: '2021-03-11' }, today)
    expect(errors.map((e) => e.field)).toEqual(['testDate', 'resultDate'])
    expect(errors[1]?.message).toContain('fram i tid')
  })
})

describe('futureDateError', () => {
  it('accepts today and earlier, refuses tomorrow', () => {
    expect(futureDateError('2021-03-10', today, 'Siste eksponering')).toBeNull()
    expect(futureDateError(null, today, 'Siste eksponering')).toBeNull()
    expect(futureDateError('2021-03-11', today, 'Siste eksponering')).toBe(
      'Siste eksponering kan ikke være fram i tid (i dag er 10.03.2021)',
    )
  })
})
