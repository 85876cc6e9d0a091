import { describe, expect, it } from 'vitest'
import {
  consecutiveUnreached,
  DEFAULT_FOLLOW_UP_CONFIG,
  followUpSchedule,
  isLostToFollowUp,
  reconcileSchedule,
} from './followUps'

describe('followUpSchedule', () => {
  it.each([
    // start, end, config days, last day → dates
    ['2021-01-01', '2021-01-11', [1, 3, 7], true, ['2021-01-02', '2021-01-04', '2021-01-08', '2021-01-11']],
    ['2021-01-01', '2021-01-11', [1, 3, 7], false, ['2021-01-02', '2021-01-04', '2021-01-08']],
    ['2021-03-21', '2021-03-31', [1, 3, 7], true, ['2021-03-22', '2021-03-24', '2021-03-28', '2021-03-31']], // day 7 = DST
    ['2021-10-24', '2021-11-03', [1, 3, 7], true, ['2021-10-25', '2021-10-27', '2021-10-31', '2021-11-03']], // fall-back
    ['2021-09-25', '2021-09-30', [1, 3, 7], true, ['2021-09-26', '2021-09-28', '2021-09-30']], // day 7 after the end
    ['2021-09-25', '2021-09-28', [1, 3], true, ['2021-09-26', '2021-09-28']], // day 3 is the last day: once
    ['2021-09-25', '2021-09-25', [1, 3], true, ['2021-09-25']],
    ['2021-09-25', '2021-09-24', [1, 3], true, []], // end before start: nothing
    ['2021-01-01', '2021-01-11', [7, 1, 1, -2, 2.5], false, ['2021-01-02', '2021-01-08']], // cleaned up
  ])('%s – %s, days %j, last day %s', (start, end, days, includeLastDay, dates) => {
    const calls = followUpSchedule({ start, end }, { days, includeLastDay })
    expect(calls.map((c) => c.date)).toEqual(dates)
  })

  it('numbers the days from the start and marks the last day', () => {
    expect(followUpSchedule({ start: '2021-01-01', end: '2021-01-11' }, DEFAULT_FOLLOW_UP_CONFIG)).toEqual([
      { day: 1, date: '2021-01-02', lastDay: false },
      { day: 3, date: '2021-01-04', lastDay: false },
      { day: 7, date: '2021-01-08', lastDay: false },
      { day: 10, date: '2021-01-11', lastDay: true },
    ])
  })
})

describe('reconcileSchedule: regenerate without losing calls made', () => {
  const desired = followUpSchedule({ start: '2021-01-01', end: '2021-01-11' }, DEFAULT_FOLLOW_UP_CONFIG)

  it('without backfill (the periodic job) plans from today on, nothing in the past', () => {
    const r = reconcileSchedule([], desired, '2021-01-03')
    expect(r.create.map((c) => c.date)).toEqual(['2021-01-04', '2021-01-08', '2021-01-11'])
    expect(r).toMatchObject({ keep: [], cancel: [] })
  })

  it('with backfill (registered on day 4) plans the past days too, marked late ("etterregistrert")', () => {
    const r = reconcileSchedule([], desired, '2021-01-05', { backfill: true })
    expect(r.create.map((c) => [c.date, c.late])).toEqual([
      ['2021-01-02', true],
      ['2021-01-04', true],
      ['2021-01-08', false],
      ['2021-01-11', false],
    ])
  })

  it('a measure registered after the fact gets all its calls, all late', () => {
    const r = reconcileSchedule([], desired, '2021-02-01', { backfill: true })
    expect(r.create).toHaveLength(4)
    expect(r.create.every((c) => c.late)).toBe(true)
  })

  it('ignores cancelled calls: they stay as history and do not cover their date', () => {
    const existing = [{ id: 'old', plannedDate: '2021-01-08', done: false, cancelled: true }]
    const r = reconcileSchedule(existing, desired, '2021-01-05')
    expect(r.cancel).toEqual([])
    expect(r.create.map((c) => c.date)).toEqual(['2021-01-08', '2021-01-11'])
  })

  it('keeps calls made and overdue planned calls, drops planned calls the new dates do not want', () => {
    const existing = [
      { id: 'a', plannedDate: '2021-01-02', done: true },
      { id: 'b', plannedDate: '2021-01-04', done: false }, // overdue, still wanted
      { id: 'c', plannedDate: '2021-01-08', done: false },
      { id: 'd', plannedDate: '2021-01-11', done: false }, // old last day
    ]
    // Shortened to 9 January (e.g. test-out): day 7 stays, the last day moves.
    const shorter = followUpSchedule({ start: '2021-01-01', end: '2021-01-09' }, DEFAULT_FOLLOW_UP_CONFIG)
    const r = reconcileSchedule(existing, shorter, '2021-01-06')
    expect(r.keep).toEqual(['b', 'c'])
    expect(r.cancel).toEqual(['d'])
    expect(r.create.map((c) => c.date)).toEqual(['2021-01-09'])
  })

  it('never plans a second call on a date that already has one made', () => {
    const existing = [{ id: 'a', plannedDate: '2021-01-04', done: true }]
    expect(reconcileSchedule(existing, desired, '2021-01-01').create.map((c) => c.date)).toEqual([
      '2021-01-02',
      '2021-01-08',
      '2021-01-11',
    ])
  })

  it('removes duplicates and everything planned when the measure is cancelled', () => {
    const existing = [
      { id: 'x', plannedDate: '2021-01-08', done: false },
      { id: 'y', plannedDate: '2021-01-08', done: false },
      { id: 'z', plannedDate: '2021-01-02', done: true },
    ]
    expect(reconcileSchedule(existing, desired, '2021-01-05')).toEqual({
      keep: ['x'],
      cancel: ['y'],
      create: [{ day: 10, date: '2021-01-11', lastDay: true, late: false }],
    })
    expect(reconcileSchedule(existing, [], '2021-01-05')).toEqual({
      keep: [],
      cancel: ['x', 'y'],
      create: [],
    })
  })
})

describe('consecutiveUnreached / isLostToFollowUp', () => {
  const call = (doneAt: string, reached: boolean) => ({ doneAt, reached })
  it.each([
    [[], 0, false],
    [[call('2021-01-02T10:00:00Z', false)], 1, false],
    [
      [
        call('2021-01-02T10:00:00Z', false),
        call('2021-01-03T10:00:00Z', false),
        call('2021-01-04T10:00:00Z', false),
      ],
      3,
      true,
    ],
    // order of the input does not matter; a reached call in between breaks the run
    [
      [
        call('2021-01-04T10:00:00Z', false),
        call('2021-01-02T10:00:00Z', false),
        call('2021-01-03T10:00:00Z', true),
      ],
      1,
      false,
    ],
    [
      [
        call('2021-01-05T10:00:00Z', true),
        call('2021-01-02T10:00:00Z', false),
        call('2021-01-03T10:00:00Z', false),
        call('2021-01-04T10:00:00Z', false),
      ],
      0,
      false,
    ],
  ])('%j → %i in a row, lost: %s', (calls, n, lost) => {
    expect(consecutiveUnreached(calls)).toBe(n)
    expect(isLostToFollowUp(calls)).toBe(lost)
  })

  it('uses the configured limit', () => {
    const calls = [call('2021-01-02T10:00:00Z', false), call('2021-01-03T10:00:00Z', false)]
    expect(isLostToFollowUp(calls, 2)).toBe(true)
    expect(isLostToFollowUp(calls, 3)).toBe(false)
  })
})
