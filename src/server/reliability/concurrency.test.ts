import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inTenant } from '../db/tenant'
import {
  type CaseworkFixture,
  caseworkFixture,
  createCase,
  newPerson,
} from '../features/cases/casework.fixtures'

/**
 * Concurrency with real parallel requests (issue 12). On PostgreSQL the requests run on separate
 * connections at the same time; PGlite has one connection and would only serialise them, so the
 * suite runs in CI's PostgreSQL step.
 */
const onPostgres = !!process.env.TEST_DATABASE_URL
let f: CaseworkFixture

beforeAll(async () => {
  if (onPostgres) f = await caseworkFixture()
})
afterAll(() => f?.t.close())

describe.runIf(onPostgres)('concurrent writes on PostgreSQL', () => {
  it('two tracers saving the same case: one 200, one 409 with the current record, nothing lost', async () => {
    const c = await createCase(f.oslo)
    const version = c.version
    const [a, b] = await Promise.all([
      f.oslo.inject({ method: 'PATCH', url: `/api/cases/${c.id}`, payload: { version, symptoms: 'Hoste' } }),
      f.oslo2.inject({
        method: 'PATCH',
        url: `/api/cases/${c.id}`,
        payload: { version, travelHistory: 'Spania' },
      }),
    ])
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409])
    const [won, lost] = a.statusCode === 200 ? [a, b] : [b, a]
    expect(lost.json().code).toBe('conflict')
    // The loser gets what is stored now and saves on top of it.
    const current = lost.json().current
    expect(current.version).toBe(version + 1)
    const retryField = lost === a ? { symptoms: 'Hoste' } : { travelHistory: 'Spania' }
    const retry = await (lost === a ? f.oslo : f.oslo2).inject({
      method: 'PATCH',
      url: `/api/cases/${c.id}`,
      payload: { version: current.version, ...retryField },
    })
    expect(retry.statusCode, retry.body).toBe(200)
    expect(won.statusCode).toBe(200)
    const stored = (await f.oslo.inject({ url: `/api/cases/${c.id}` })).json()
    const view = stored.case ?? stored
    expect(view).toMatchObject({ symptoms: 'Hoste', travelHistory: 'Spania', version: version + 2 })
  })

  it('the same national id registered twice at once gives one person', async () => {
    const person = newPerson()
    const results = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        (i % 2 ? f.oslo : f.oslo2).inject({ method: 'POST', url: '/api/persons', payload: person }),
      ),
    )
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200])
    const ids = new Set(results.map((r) => r.json().person.id))
    expect(ids.size).toBe(1)
    expect(results.filter((r) => r.json().created)).toHaveLength(1)
    const n = await inTenant(f.t.db.db, { kommune: '0301' }, (trx) =>
      sql<{
        n: number
      }>`select count(*)::int as n from persons where national_id = ${person.nationalId}`.execute(trx),
    )
    expect(n.rows[0]!.n).toBe(1)
  })

  it('two cases for one new person at once: one person, one case, a clear 409 for the other', async () => {
    const person = newPerson()
    const payload = { person, testDate: '2025-01-02', testType: 'pcr' }
    const results = await Promise.all([
      f.oslo.inject({ method: 'POST', url: '/api/cases', payload }),
      f.oslo2.inject({ method: 'POST', url: '/api/cases', payload }),
    ])
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409])
    const made = results.find((r) => r.statusCode === 201)!.json()
    const refused = results.find((r) => r.statusCode === 409)!.json()
    expect(refused).toMatchObject({ code: 'open-case-exists', caseId: made.id })
    const n = await inTenant(f.t.db.db, { kommune: '0301' }, (trx) =>
      sql<{
        n: number
      }>`select count(*)::int as n from persons where national_id = ${person.nationalId}`.execute(trx),
    )
    expect(n.rows[0]!.n).toBe(1)
  })
})
