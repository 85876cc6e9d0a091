import { describe, expect, it } from 'vitest'
import { isoWeekOf, nextWeek, parseWeekKey, previousWeek, weekRange, weeksInYear } from './isoWeek'

describe('isoWeekOf', () => {
  it.each([
    ['2021-01-03', '2020-W53'], // Sunday: last day of 2020's week 53
    ['2021-01-04', '2021-W01'], // Monday
    ['2020-12-28', '2020-W53'],
    ['2020-01-01', '2020-W01'], // Wednesday; 2020 starts its week 1 on 2019-12-30
    ['2019-12-30', '2020-W01'],
    ['2019-12-29', '2019-W52'],
    ['2024-12-29', '2024-W52'],
    ['2024-12-30', '2025-W01'], // Monday belongs to the next week-year
    ['2025-01-05', '2025-W01'],
    ['2026-12-31', '2026-W53'],
    ['2027-01-03', '2026-W53'],
    ['2027-01-04', '2027-W01'],
    ['2021-01-18', '2021-W03'],
    ['2021-03-28', '2021-W12'], // DST change Sunday stays in its week
    ['2021-03-29', '2021-W13'],
    ['2021-10-31', '2021-W43'],
  ])('%s → %s', (date, key) => {
    const week = isoWeekOf(date)
    expect(week.key).toBe(key)
    expect(`${week.year}-W${String(week.week).padStart(2, '0')}`).toBe(key)
  })
})

describe('weeksInYear', () => {
  it.each([
    [2015, 53],
    [2019, 52],
    [2020, 53], // leap year starting on Wednesday
    [2021, 52],
    [2024, 52],
    [2025, 52],
    [2026, 53], // starts on Thursday
    [2032, 53], // leap year starting on Thursday
  ])('%i has %i weeks', (year, weeks) => {
    expect(weeksInYear(year)).toBe(weeks)
  })
})

describe('parseWeekKey', () => {
  it.each([
    ['2021-W03', { year: 2021, week: 3, key: '2021-W03' }],
    ['2020-W53', { year: 2020, week: 53, key: '2020-W53' }],
    ['2026-W53', { year: 2026, week: 53, key: '2026-W53' }],
    ['2021-W53', null], // 2021 has only 52 weeks
    ['2021-W00', null],
    ['2021-W3', null],
    ['2021W03', null],
    ['2021-w03', null],
    ['', null],
  ])('%j → %j', (key, expected) => {
    expect(parseWeekKey(key)).toEqual(expected)
  })
})

describe('weekRange', () => {
  it.each([
    ['2020-W53', '2020-12-28', '2021-01-03'],
    ['2021-W01', '2021-01-04', '2021-01-10'],
    ['2021-W03', '2021-01-18', '2021-01-24'],
    ['2021-W12', '2021-03-22', '2021-03-28'],
    ['2021-W43', '2021-10-25', '2021-10-31'],
    ['2025-W01', '2024-12-30', '2025-01-05'],
    ['2026-W53', '2026-12-28', '2027-01-03'],
    ['2020-W01', '2019-12-30', '2020-01-05'],
  ])('%s is %s – %s', (key, start, end) => {
    expect(weekRange(key)).toEqual({ start, end })
    // Round trip: both ends belong to the week.
    expect(isoWeekOf(start).key).toBe(key)
    expect(isoWeekOf(end).key).toBe(key)
  })

  it('throws for a week that does not exist', () => {
    expect(() => weekRange('2021-W53')).toThrow(RangeError)
  })
})

describe('previousWeek / nextWeek', () => {
  it.each([
    ['2021-W01', '2020-W53', '2021-W02'],
    ['2020-W53', '2020-W52', '2021-W01'],
    ['2025-W01', '2024-W52', '2025-W02'],
    ['2026-W53', '2026-W52', '2027-W01'],
    ['2021-W52', '2021-W51', '2022-W01'],
    ['2021-W12', '2021-W11', '2021-W13'],
  ])('around %s: previous %s, next %s', (key, previous, next) => {
    expect(previousWeek(key).key).toBe(previous)
    expect(nextWeek(key).key).toBe(next)
  })
})
