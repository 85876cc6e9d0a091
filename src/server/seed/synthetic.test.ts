import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkNationalId } from '../../shared/domain/nationalId'
import { asOwner, type TestDb } from '../audit/test-helpers'
import { canonical, referenceComponents, storedComponents } from '../features/chains/chains.fixtures'
import { createTestDatabase } from '../test/database'
import { generateSynthetic } from './synthetic'

/**
 * The load-test generator at a tiny scale: every table the benchmark reads gets rows, national
 * ids are synthetic, and chains are computed although the chain triggers were off during the load.
 */
let t: TestDb
let rows: Awaited<ReturnType<typeof generateSynthetic>>['rows']
let indexesBefore: string[]
const indexDefs = () =>
  asOwner(t, async (c) =>
    (await c.query(`select indexdef from pg_indexes where schemaname = 'public' order by indexdef`)).rows.map(
      (r) => r.indexdef as string,
    ),
  )
beforeAll(async () => {
  t = await createTestDatabase()
  indexesBefore = await indexDefs()
  rows = await asOwner(t, async (c) => (await generateSynthetic(c, { persons: 2500, seed: 7 })).rows)
}, 300_000)
afterAll(() => t.close())

const one = <R>(sql: string) => asOwner(t, async (c) => (await c.query(sql)).rows[0] as R)

describe('generateSynthetic', () => {
  it('fills persons, cases, contacts, events, participants, measures and calls', async () => {
    for (const n of Object.values(rows)) expect(n).toBeGreaterThan(0)
    const db = await one<Record<string, number>>(
      `select (select count(*) from persons)::int persons, (select count(*) from cases)::int cases,
              (select count(*) from contacts)::int contacts, (select count(*) from events)::int events,
              (select count(*) from event_participants)::int participants,
              (select count(distinct kommune) from persons)::int kommuner`,
    )
    expect(db).toMatchObject({
      persons: rows.persons,
      cases: rows.cases,
      contacts: rows.contacts,
      events: rows.events,
      participants: rows.participants,
      kommuner: 357,
    })
  })

  it('gives only synthetic national ids', async () => {
    const ids = await asOwner(t, async (c) => (await c.query('select national_id from persons')).rows)
    const notSynthetic = ids.filter((r) => {
      const c = checkNationalId(r.national_id)
      return !c.ok || !c.synthetic
    })
    expect(notSynthetic).toEqual([])
  })

  it('leaves the chain triggers on and every case, contact and event in a chain', async () => {
    const off = await one<{ n: number }>(
      `select count(*)::int n from pg_trigger where tgname like 'chain_%' and tgenabled = 'D'`,
    )
    expect(off.n).toBe(0)
    const missing = await one<{ n: number }>(
      `select ((select count(*) from cases) + (select count(*) from contacts) + (select count(*) from events)
              - (select count(*) from chain_nodes))::int n`,
    )
    expect(missing.n).toBe(0)
  })

  it('computes the same chains as the reference definition of chain edges', async () => {
    for (const kommune of ['0301', '4601']) {
      const db = t.db
      expect(canonical(await storedComponents(db, kommune))).toEqual(
        canonical(await referenceComponents(db, kommune)),
      )
    }
  })

  it('rebuilds every index it dropped for the load', async () => {
    expect(await indexDefs()).toEqual(indexesBefore)
  })
})
