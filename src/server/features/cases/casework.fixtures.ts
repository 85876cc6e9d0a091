import { addDaysOslo } from '../../../shared/domain/dates'
import { inTenant } from '../../db/tenant'
import { randomSyntheticId } from '../../seed/synthetic-id'
import { buildTestApp } from '../../test/app'
import { activateKommune, buildUser, type LoggedIn, loginAs } from '../../test/factories'
import { todayOslo } from './cases.service'

/**
 * Test fixture for case work: a fresh app with Oslo (0301) and Bergen (4601) active, two Oslo
 * tracers, an Oslo administrator, an Oslo report user and a Bergen tracer, all logged in.
 */
export async function caseworkFixture() {
  const t = await buildTestApp()
  const db = t.db.db
  await activateKommune(db, '0301')
  await activateKommune(db, '4601')
  const login = async (name: string, role: 'tracer' | 'admin' | 'report', kommune: string) =>
    loginAs(t.app, await buildUser(db, { name, roles: [{ role, kommune }] }))
  return {
    t,
    oslo: await login('Tora Sporer', 'tracer', '0301'),
    oslo2: await login('Per Sporer', 'tracer', '0301'),
    osloAdmin: await login('Ada Admin', 'admin', '0301'),
    osloReport: await login('Rita Rapport', 'report', '0301'),
    bergen: await login('Berit Bergen', 'tracer', '4601'),
    anon: (opts: { method?: 'GET' | 'POST' | 'PUT' | 'PATCH'; url: string; payload?: unknown }) =>
      t.app.inject({ method: opts.method ?? 'GET', url: opts.url, payload: opts.payload as never }),
  }
}
export type CaseworkFixture = Awaited<ReturnType<typeof caseworkFixture>>

/** The Oslo date `n` days from today (negative: in the past). */
export const day = (n: number) => addDaysOslo(todayOslo(), n)

let seq = 0
/** A new person reference with a fresh synthetic national id. */
export function newPerson(extra: Record<string, unknown> = {}) {
  seq++
  return { firstName: `Test${seq}`, lastName: `Personsen${seq}`, nationalId: randomSyntheticId(), ...extra }
}

/** Creates a case through the API (symptomatic, onset 3 days ago, PCR 2 days ago); returns the body. */
export async function createCase(who: LoggedIn, extra: Record<string, unknown> = {}) {
  const res = await who.inject({
    method: 'POST',
    url: '/api/cases',
    payload: {
      person: newPerson(),
      testDate: day(-2),
      testType: 'pcr',
      symptomatic: true,
      onsetDate: day(-3),
      ...extra,
    },
  })
  if (res.statusCode !== 201) throw new Error(`createCase: ${res.statusCode} ${res.body}`)
  return res.json()
}

/** Adds one contact to a case through the API; returns the saved row result. */
export async function addContact(who: LoggedIn, caseId: string, extra: Record<string, unknown> = {}) {
  const res = await who.inject({
    method: 'POST',
    url: `/api/cases/${caseId}/contacts`,
    payload: { person: newPerson(), relation: 'friend', lastExposure: day(-3), ...extra },
  })
  if (res.statusCode !== 201) throw new Error(`addContact: ${res.statusCode} ${res.body}`)
  return res.json().items[0] as { contactId: string; personId: string; created: boolean }
}

/** Audit rows of a municipality (read as that tenant, like the Administrator's log view). */
export async function auditRows(
  f: CaseworkFixture,
  kommune: string,
  filter: { action?: string; recordId?: string },
) {
  return inTenant(f.t.db.db, { kommune }, (trx) =>
    trx
      .selectFrom('audit_log')
      .select(['action', 'record_type', 'record_id', 'person_id', 'user_id', 'payload'])
      .$if(!!filter.action, (qb) => qb.where('action', '=', filter.action!))
      .$if(!!filter.recordId, (qb) => qb.where('record_id', '=', filter.recordId!))
      .orderBy('id')
      .execute(),
  )
}

/** `{ path: message }` of a problem+json answer. */
export const fieldErrors = (body: { errors?: { path: string; message: string }[] }) =>
  Object.fromEntries((body.errors ?? []).map((e) => [e.path, e.message]))
