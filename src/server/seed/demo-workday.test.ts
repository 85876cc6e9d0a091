import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asOwner, type TestDb } from '../audit/test-helpers'
import { todayOslo } from '../features/measures/clock'
import { createTestDatabase } from '../test/database'
import { seedDemo } from './demo'
import './demo-workday'
import '../features/freg/freg.demo-seed'
import '../features/measures/measures.demo-seed'

/** Demo = training environment (issue 26): the demo looks like a working day relative to today. */
let t: TestDb
beforeAll(async () => {
  t = await createTestDatabase()
  await seedDemo(t.db)
}, 300_000)
afterAll(() => t.close())

const one = <R>(sql: string, params: unknown[] = []) =>
  asOwner(t, async (c) => (await c.query(sql, params)).rows[0] as R)

describe('demo seed: a working day', () => {
  it('records Oslo’s and Bergen’s activation checklists', async () => {
    const r = await one<{ n: number }>(
      `select count(*)::int n from onboarding_steps
        where kommune_code in ('0301','4601') and step in ('dpia','ros','dpa','service_annex')`,
    )
    expect(r.n).toBe(8)
  })

  it('has people in isolation and quarantine today, calls due today and overdue', async () => {
    const today = todayOslo()
    for (const kommune of ['0301', '4601']) {
      const r = await one<Record<string, number>>(
        `select
           (select count(distinct person_id)::int from measures where kommune = $1 and kind = 'isolation'
              and status = 'active' and start_date <= $2 and end_date >= $2) isolation,
           (select count(distinct person_id)::int from measures where kommune = $1 and kind = 'quarantine'
              and status = 'active' and start_date <= $2 and end_date >= $2) quarantine,
           (select count(*)::int from followup_calls where kommune = $1 and status = 'planned' and planned_date = $2) due,
           (select count(*)::int from followup_calls where kommune = $1 and status = 'planned' and planned_date < $2) overdue`,
        [kommune, today],
      )
      expect(r.isolation, kommune).toBeGreaterThan(0)
      expect(r.quarantine, kommune).toBeGreaterThan(0)
      expect((r.due ?? 0) + (r.overdue ?? 0), kommune).toBeGreaterThan(0)
    }
  })

  it('has cases that were contacts first, an active outbreak, a transfer waiting', async () => {
    const r = await one<Record<string, number>>(
      `select (select count(*)::int from cases c join contacts t on t.id = c.source_contact_id
                where t.became_case_id = c.id) converted,
              (select count(*)::int from events where outbreak and status = 'active') outbreaks,
              (select count(*)::int from transfers where status = 'pending' and to_kommune = '0301') transfers`,
    )
    expect(r.converted).toBeGreaterThanOrEqual(2)
    expect(r.outbreaks).toBeGreaterThanOrEqual(1)
    expect(r.transfers).toBe(1)
  })

  it('spreads contacts over the weeks of their exposures', async () => {
    const r = await one<{ weeks: number }>(
      `select count(distinct date_trunc('week', created_at))::int weeks from contacts`,
    )
    expect(r.weeks).toBeGreaterThan(3)
  })
})
