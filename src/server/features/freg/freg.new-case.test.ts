import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDaysOslo, osloDate } from '../../../shared/domain/dates'
import { inTenant } from '../../db/tenant'
import { FREG_IDS } from '../../fakes/freg'
import type { LoggedIn } from '../../test/factories'
import { fregTwoKommuner } from './test-support'

/**
 * "Ny sak" filled from Folkeregisteret: the new person records that the data came from FREG and
 * when (freg_fetched_at, freg_status), audited like freg-apply — in the same transaction as the case.
 */
let f: Awaited<ReturnType<typeof fregTwoKommuner>>
let t: Awaited<ReturnType<typeof fregTwoKommuner>>['t']
let oslo: LoggedIn
let bergen: LoggedIn

beforeAll(async () => {
  f = await fregTwoKommuner()
  ;({ t, oslo, bergen } = f)
})
afterAll(() => f.close())

const yesterday = () => addDaysOslo(osloDate(new Date()), -1)

async function lookup(who: LoggedIn, nationalId: string) {
  const res = await who.inject({ method: 'POST', url: '/api/freg/lookup', payload: { nationalId } })
  expect(res.statusCode).toBe(200)
  return res.json() as {
    receipt: string
    fetchedAt: string
    person: { firstName: string; lastName: string; birthDate: string; nationalId: string }
  }
}

const postCase = (who: LoggedIn, person: Record<string, unknown>, freg?: unknown) =>
  who.inject({
    method: 'POST',
    url: '/api/cases',
    payload: { person, testDate: yesterday(), ...(freg ? { freg } : {}) },
  })

async function storedPerson(kommune: string, nationalId: string) {
  return inTenant(t.db.db, { kommune }, (trx) =>
    trx
      .selectFrom('persons')
      .select(['id', 'first_name', 'last_name', 'street', 'freg_fetched_at', 'freg_status', 'version'])
      .where('national_id', '=', nationalId)
      .executeTakeFirst(),
  )
}

describe('POST /api/cases with a FREG receipt', () => {
  it('422 for a receipt of another national id, and neither person nor case is saved', async () => {
    const other = await lookup(oslo, FREG_IDS.emigrated)
    const res = await postCase(
      oslo,
      { nationalId: FREG_IDS.dNumber, firstName: 'Rolig', lastName: 'Traktor', confirmNew: true },
      { receipt: other.receipt, fields: ['firstName'] },
    )
    expect(res.statusCode).toBe(422)
    expect(res.json().code).toBe('freg-receipt-invalid')
    expect(await storedPerson('0301', FREG_IDS.dNumber)).toBeUndefined()
  })

  it("422 for another municipality's receipt", async () => {
    const found = await lookup(oslo, FREG_IDS.emigrated)
    const res = await postCase(
      bergen,
      { nationalId: FREG_IDS.emigrated, firstName: 'Reiseglad', lastName: 'Pingvin' },
      { receipt: found.receipt, fields: ['firstName'] },
    )
    expect(res.statusCode).toBe(422)
    expect(res.json().code).toBe('freg-receipt-invalid')
    expect(await storedPerson('4601', FREG_IDS.emigrated)).toBeUndefined()
  })

  it('records freg_fetched_at and freg_status on the new person and audits the source', async () => {
    const found = await lookup(oslo, FREG_IDS.ordinary)
    const res = await postCase(
      oslo,
      {
        nationalId: found.person.nationalId,
        firstName: found.person.firstName,
        lastName: found.person.lastName,
        birthDate: found.person.birthDate,
        street: 'Skrevet om 1',
      },
      { receipt: found.receipt, fields: ['firstName', 'lastName', 'birthDate'] },
    )
    expect(res.statusCode).toBe(201)
    const caseId = res.json().id as string
    const row = await storedPerson('0301', FREG_IDS.ordinary)
    expect(row).toMatchObject({
      first_name: 'Lyseblå',
      last_name: 'Sjøhest',
      // A field the tracer changed keeps the typed value; FREG is its source only when left as given.
      street: 'Skrevet om 1',
      freg_status: 'bosatt',
    })
    expect(row?.freg_fetched_at?.toISOString()).toBe(new Date(found.fetchedAt).toISOString())
    const view = (await oslo.inject({ url: `/api/persons/${row!.id}` })).json()
    expect(view.fregFetchedAt).toBe(new Date(found.fetchedAt).toISOString())
    const audit = await inTenant(t.db.db, { kommune: '0301' }, (trx) =>
      trx
        .selectFrom('audit_log')
        .select(['action', 'payload'])
        .where('person_id', '=', row!.id)
        .where('action', 'in', ['person.create', 'person.update', 'case.create'])
        .orderBy('id')
        .execute(),
    )
    expect(audit.map((a) => a.action)).toEqual(['person.create', 'person.update', 'case.create'])
    expect(audit[1]?.payload).toMatchObject({
      details: { source: 'folkeregister', fetchedAt: found.fetchedAt },
    })
    expect(JSON.stringify(audit[1]?.payload)).toContain('freg_fetched_at')
    expect((await oslo.inject({ url: `/api/cases/${caseId}` })).statusCode).toBe(200)
  })

  it('a case for a person already in the register leaves that person as it is', async () => {
    const found = await lookup(oslo, FREG_IDS.ordinary)
    const before = await storedPerson('0301', FREG_IDS.ordinary)
    await inTenant(t.db.db, { kommune: '0301' }, (trx) =>
      trx.updateTable('cases').set({ status: 'closed' }).where('person_id', '=', before!.id).execute(),
    )
    const res = await postCase(
      oslo,
      { nationalId: FREG_IDS.ordinary, firstName: 'Lyseblå', lastName: 'Sjøhest' },
      { receipt: found.receipt, fields: ['firstName'] },
    )
    expect(res.statusCode).toBe(201)
    expect(await storedPerson('0301', FREG_IDS.ordinary)).toEqual(before)
  })

  it('without a receipt the person has no FREG provenance', async () => {
    const res = await postCase(oslo, {
      nationalId: FREG_IDS.addressHistory,
      firstName: 'Flyttende',
      lastName: 'Maur',
    })
    expect(res.statusCode).toBe(201)
    expect(await storedPerson('0301', FREG_IDS.addressHistory)).toMatchObject({
      freg_fetched_at: null,
      freg_status: null,
    })
  })
})
