import { describe, expect, it } from 'vitest'
import {
  addDaysOslo,
  addYearsOslo,
  compareIsoDates,
  daysBetween,
  formatNorwegianDate,
  isIsoDate,
  osloDate,
  parseIsoDate,
} from './dates'

describe('isIsoDate', () => {
  it.each([
    ['2021-01-03', true],
    ['2020-02-29', true],
    ['2021-02-29', false],
    ['2021-04-31', false],
    ['2021-13-01', false],
    ['2021-1-3', false],
    ['03.01.2021', false],
    ['2021-01-03T00:00:00Z', false],
    ['', false],
  ])('%j → %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected)
  })

  it('parseIsoDate refuses an impossible date instead of rolling it over', () => {
    expect(() => parseIsoDate('2021-02-30')).toThrow(RangeError)
  })
})

describe('addDaysOslo', () => {
  // Oslo springs forward 2021-03-28 02:00 → 03:00 and falls back 2021-10-31 03:00 → 02:00.
  it.each([
    ['2021-03-27', 1, '2021-03-28'],
    ['2021-03-28', 1, '2021-03-29'],
    ['2021-03-27', 2, '2021-03-29'],
    ['2021-03-29', -2, '2021-03-27'],
    ['2021-03-18', 10, '2021-03-28'],
    ['2021-03-28', 10, '2021-04-07'],
    ['2021-10-30', 1, '2021-10-31'],
    ['2021-10-31', 1, '2021-11-01'],
    ['2021-10-25', 10, '2021-11-04'],
    ['2021-11-01', -1, '2021-10-31'],
    ['2020-12-31', 1, '2021-01-01'],
    ['2020-02-28', 1, '2020-02-29'],
    ['2021-02-28', 1, '2021-03-01'],
    ['2021-01-05', 0, '2021-01-05'],
  ])('%s %+d days → %s', (date, days, expected) => {
    expect(addDaysOslo(date, days)).toBe(expected)
  })

  it('gives the same result whatever the host time zone is', () => {
    const original = process.env.TZ
    try {
      for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC', 'Europe/Oslo']) {
        process.env.TZ = tz
        expect(addDaysOslo('2021-03-27', 1)).toBe('2021-03-28')
        expect(addDaysOslo('2021-10-31', 1)).toBe('2021-11-01')
      }
    } finally {
      process.env.TZ = original
    }
  })
})

describe('addYearsOslo, daysBetween, compareIsoDates, formatNorwegianDate', () => {
  it.each([
    ['2021-01-05', -1, '2020-01-05'],
    ['2020-02-29', -1, '2019-02-28'],
    ['2020-02-29', 4, '2024-02-29'],
  ])('addYearsOslo(%s, %d) → %s', (date, years, expected) => {
    expect(addYearsOslo(date, years)).toBe(expected)
  })

  it.each([
    ['2021-03-27', '2021-03-29', 2],
    ['2021-10-30', '2021-11-01', 2],
    ['2021-01-10', '2021-01-01', -9],
    ['2020-12-31', '2021-12-31', 365],
  ])('daysBetween(%s, %s) = %d', (from, to, expected) => {
    expect(daysBetween(from, to)).toBe(expected)
  })

  it('compares dates and rejects malformed ones', () => {
    expect(compareIsoDates('2021-01-02', '2021-01-10')).toBeLessThan(0)
    expect(compareIsoDates('2021-01-10', '2021-01-10')).toBe(0)
    expect(compareIsoDates('2021-02-01', '2021-01-31')).toBeGreaterThan(0)
    expect(() => compareIsoDates('2021-1-2', '2021-01-10')).toThrow(RangeError)
  })

  it('formats dd.mm.yyyy', () => {
    expect(formatNorwegianDate('2021-01-03')).toBe('03.01.2021')
  })
})

describe('osloDate', () => {
  it.each([
    // Winter (UTC+1): midnight Oslo is 23:00Z the day before.
    ['2020-12-31T22:59:59Z', '2020-12-31'],
    ['2020-12-31T23:00:00Z', '2021-01-01'],
    ['2020-12-31T23:30:00Z', '2021-01-01'],
    // Night of spring-forward 2021-03-28: still UTC+1 before 01:00Z, UTC+2 after.
    ['2021-03-27T22:59:00Z', '2021-03-27'],
    ['2021-03-27T23:30:00Z', '2021-03-28'],
    ['2021-03-28T01:30:00Z', '2021-03-28'],
    ['2021-03-28T21:59:00Z', '2021-03-28'],
    ['2021-03-28T22:00:00Z', '2021-03-29'],
    // Night of fall-back 2021-10-31: UTC+2 until 01:00Z, UTC+1 after.
    ['2021-10-30T21:59:00Z', '2021-10-30'],
    ['2021-10-30T22:00:00Z', '2021-10-31'],
    ['2021-10-31T22:59:00Z', '2021-10-31'],
    ['2021-10-31T23:00:00Z', '2021-11-01'],
    // Offsets other than Z are honoured.
    ['2021-01-01T00:30:00+01:00', '2021-01-01'],
    ['2021-01-01T06:00:00+09:00', '2020-12-31'],
  ])('%s → %s', (instant, expected) => {
    expect(osloDate(instant)).toBe(expected)
    expect(osloDate(new Date(instant))).toBe(expected)
  })

  it.each(['2021-01-01', '2021-01-01T10:00:00', 'yesterday'])('rejects %j (no offset)', (value) => {
    expect(() => osloDate(value)).toThrow(RangeError)
  })

  it('rejects an invalid Date', () => {
    expect(() => osloDate(new Date(Number.NaN))).toThrow(RangeError)
  })
})
