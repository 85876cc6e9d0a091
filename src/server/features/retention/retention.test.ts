import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDaysOslo } from '../../../shared/domain/dates'
import { verifyAuditChains } from '../../audit/verify'
import { inTenant } from '../../db/tenant'
import { addContact, createCase, day } from '../cases/casework.fixtures'
import { type MeasuresFixture, measuresFixture, quarantinedContact } from '../measures/measures.fixtures'
import { hashId, runRetention } from './retention.job'

/**
 * Retention (issue 12): the job deletes what has expired — children before parents, persons only
 * when nothing refers to them — records each batch in the audit log with hashed ids, respects
 * legal holds, and never touches the audit log. Time is moved by running the job "in the future".
 */
let f: MeasuresFixture
const OSLO = '0301'
const BERGEN = '4601'
const FAR = addDaysOslo(day(0), 3 * 365)

beforeAll(async () => {
  f = await measuresFixture()
})
afterAll(() => f.t.close())

const db = () => f.t.db.db
const exists = (table: 'cases' | 'contacts' | 'persons' | 'measures', id: string, kommune = OSLO) =>
  inTenant(db(), { kommune }, async (trx) => {
    const r = await sql<{
      n: number
    }>`select count(*)::int as n from ${sql.table(table)} where id = ${id}`.execute(trx)
    return r.rows[0]!.n === 1
  })
async function closeCase(caseId: string) {
  const c = await f.oslo.inject({ url: `/api/cases/${caseId}` })
  const res = await f.oslo.inject({
    method: 'POST',
    url: `/api/cases/${caseId}/close`,
    payload: { version: c.json().version ?? c.json().case?.version },
  })
  expect(res.statusCode, res.body).toBe(200)
}
const auditOf = (kommune: string, action: string) =>
  inTenant(db(), { kommune }, (trx) =>
    trx
      .selectFrom('audit_log')
      .select(['payload', 'record_type'])
      .where('action', '=', action)
      .orderBy('id')
      .execute(),
  )

describe('access', () => {
  it('is for the Administrator only: 401 anonymous, 403 tracer, 404 for another municipality', async () => {
    expect((await f.anon({ url: '/api/retention/settings' })).statusCode).toBe(401)
    expect((await f.oslo.inject({ url: '/api/retention/preview' })).statusCode).toBe(403)
    const bergenCase = await createCase(f.bergen)
    const res = await f.osloAdmin.inject({
      method: 'POST',
      url: '/api/retention/holds',
      payload: { recordType: 'case', recordId: bergenCase.id, reason: 'Klagesak' },
    })
    expect(res.statusCode).toBe(404)
  })
})

describe('settings', () => {
  it('shows defaults, takes an own period with optimistic locking, and goes back to the default', async () => {
    const get = await f.osloAdmin.inject({ url: '/api/retention/settings' })
    const caseSetting = get.json().settings.find((s: { type: string }) => s.type === 'case')
    expect(caseSetting).toMatchObject({ days: 365, defaultDays: 365, custom: false, version: 0 })
    const bad = await f.osloAdmin.inject({
      method: 'PUT',
      url: '/api/retention/settings/case',
      payload: { days: 3, version: 0 },
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().errors[0].path).toBe('body.days')
    const put = await f.osloAdmin.inject({
      method: 'PUT',
      url: '/api/retention/settings/case',
      payload: { days: 400, version: 0 },
    })
    expect(put.statusCode).toBe(200)
    expect(put.json().settings.find((s: { type: string }) => s.type === 'case')).toMatchObject({
      days: 400,
      custom: true,
      version: 1,
    })
    const stale = await f.osloAdmin.inject({
      method: 'PUT',
      url: '/api/retention/settings/case',
      payload: { days: 500, version: 0 },
    })
    expect(stale.statusCode).toBe(409)
    const back = await f.osloAdmin.inject({
      method: 'PUT',
      url: '/api/retention/settings/case',
      payload: { days: null, version: 1 },
    })
    expect(back.json().settings.find((s: { type: string }) => s.type === 'case')).toMatchObject({
      days: 365,
      custom: false,
    })
    const [row] = await auditOf(OSLO, 'retention.setting.update')
    expect(row!.payload.changes).toEqual([{ field: 'days', before: 365, after: 400 }])
  })
})

describe('the deletion job', () => {
  it('deletes an expired closed case with its contacts, measures and persons; keeps open work and the audit log', async () => {
    const kept = await createCase(f.oslo)
    const gone = await createCase(f.oslo)
    const { contact, measure } = await quarantinedContact(f.oslo, gone.id, day(-2))
    const plain = await addContact(f.oslo, gone.id)
    await closeCase(gone.id)
    const auditBefore = (await auditOf(OSLO, 'person.create')).length

    // The day after tomorrow nothing has expired yet.
    const early = await runRetention(db(), { kommuner: [OSLO], today: day(2) })
    expect(early.removed.case).toBeUndefined()

    const result = await runRetention(db(), { kommuner: [OSLO], today: FAR })
    expect(result.removed).toMatchObject({ case: 1, contact: 2, measure: 1 })
    expect(await exists('cases', gone.id)).toBe(false)
    expect(await exists('contacts', contact.contactId)).toBe(false)
    expect(await exists('contacts', plain.contactId)).toBe(false)
    expect(await exists('measures', measure.id)).toBe(false)
    expect(await exists('persons', gone.person.id)).toBe(false)
    expect(await exists('persons', contact.personId)).toBe(false)
    // The open case and its person stay.
    expect(await exists('cases', kept.id)).toBe(true)
    expect(await exists('persons', kept.person.id)).toBe(true)

    // Deletion records: counts and hashed ids, never the ids themselves.
    const records = await auditOf(OSLO, 'retention.delete')
    const caseRecord = records.find((r) => r.record_type === 'case')!
    expect(caseRecord.payload.details).toMatchObject({
      count: 1,
      days: 365,
      idHashes: [hashId('case', gone.id)],
    })
    expect(JSON.stringify(records)).not.toContain(gone.id)
    expect(JSON.stringify(records)).not.toContain(contact.personId)
    // The audit log was not touched by the job, and its chains still verify.
    expect((await auditOf(OSLO, 'person.create')).length).toBe(auditBefore)
    const pool = await f.t.db.ownerPool()
    const client = await pool.connect()
    try {
      await client.query('reset role')
      expect((await verifyAuditChains(client)).ok).toBe(true)
    } finally {
      if (f.t.db.kind === 'pglite') await client.query('set role smittespor_app')
      client.release()
    }
  })

  it('keeps a person another municipality still works with', async () => {
    const oslo = await createCase(f.oslo)
    await closeCase(oslo.id)
    const nationalId = (await f.oslo.inject({ url: `/api/persons/${oslo.person.id}` })).json().nationalId
    const bergen = await createCase(f.bergen, { person: { nationalId, firstName: 'X', lastName: 'Y' } })
    expect(bergen.person.id).toBe(oslo.person.id)
    await runRetention(db(), { kommuner: [OSLO, BERGEN], today: FAR })
    expect(await exists('cases', oslo.id)).toBe(false)
    expect(await exists('persons', oslo.person.id)).toBe(true)
  })

  it('respects a legal hold on a contact (and so its case and persons) until it is released', async () => {
    const c = await createCase(f.oslo)
    const contact = await addContact(f.oslo, c.id)
    await closeCase(c.id)
    const hold = await f.osloAdmin.inject({
      method: 'POST',
      url: '/api/retention/holds',
      payload: { recordType: 'contact', recordId: contact.contactId, reason: 'Klage til Statsforvalteren' },
    })
    expect(hold.statusCode, hold.body).toBe(201)
    const twice = await f.osloAdmin.inject({
      method: 'POST',
      url: '/api/retention/holds',
      payload: { recordType: 'contact', recordId: contact.contactId, reason: 'Igjen' },
    })
    expect(twice.statusCode).toBe(409)

    await runRetention(db(), { kommuner: [OSLO], today: FAR })
    expect(await exists('contacts', contact.contactId)).toBe(true)
    expect(await exists('cases', c.id)).toBe(true)
    expect(await exists('persons', contact.personId)).toBe(true)

    const release = await f.osloAdmin.inject({
      method: 'POST',
      url: `/api/retention/holds/${hold.json().id}/release`,
      payload: { reason: 'Saken er avsluttet' },
    })
    expect(release.statusCode).toBe(200)
    expect(release.json()).toMatchObject({ releaseReason: 'Saken er avsluttet', releasedBy: 'Ada Admin' })
    await runRetention(db(), { kommuner: [OSLO], today: FAR })
    expect(await exists('contacts', contact.contactId)).toBe(false)
    expect(await exists('cases', c.id)).toBe(false)
    const actions = (await auditOf(OSLO, 'retention.hold.create')).map((r) => r.payload.reason)
    expect(actions).toContain('Klage til Statsforvalteren')
  })

  it('runs once when two workers start together', async () => {
    const c = await createCase(f.oslo)
    await closeCase(c.id)
    const [a, b] = await Promise.all([
      runRetention(db(), { kommuner: [OSLO], today: FAR }),
      runRetention(db(), { kommuner: [OSLO], today: FAR }),
    ])
    expect((a.removed.case ?? 0) + (b.removed.case ?? 0)).toBe(1)
    const records = (await auditOf(OSLO, 'retention.delete')).filter((r) =>
      (r.payload.details as { idHashes: string[] }).idHashes.includes(hashId('case', c.id)),
    )
    expect(records).toHaveLength(1)
  })
})

describe('GET /api/retention/preview', () => {
  it('lists what falls due within 30 days, with its legal hold and what is waiting', async () => {
    const soon = await createCase(f.oslo)
    await closeCase(soon.id)
    const later = await createCase(f.oslo)
    await closeCase(later.id)
    const held = await createCase(f.oslo)
    await closeCase(held.id)
    const withContact = await createCase(f.oslo)
    await addContact(f.oslo, withContact.id)
    await closeCase(withContact.id)
    // Closed 350 days ago: due in 16 days. 400 days in the future: not listed.
    const setClosed = (id: string, daysAgo: number) =>
      inTenant(db(), { kommune: OSLO }, (trx) =>
        sql`update cases set closed_at = now() - make_interval(days => ${daysAgo}) where id = ${id}`.execute(
          trx,
        ),
      )
    await setClosed(soon.id, 350)
    await setClosed(held.id, 350)
    await setClosed(withContact.id, 350)
    await setClosed(later.id, 300)
    const hold = await f.osloAdmin.inject({
      method: 'POST',
      url: '/api/retention/holds',
      payload: { recordType: 'case', recordId: held.id, reason: 'Tilsynssak' },
    })
    expect(hold.statusCode).toBe(201)

    const res = await f.osloAdmin.inject({ url: '/api/retention/preview?days=30' })
    expect(res.statusCode, res.body).toBe(200)
    const body = res.json()
    expect(body.until).toBe(day(30))
    const byId = (id: string) => body.items.find((i: { id: string }) => i.id === id)
    expect(byId(soon.id)).toMatchObject({ type: 'case', status: 'due', dueDate: day(16), hold: null })
    expect(byId(soon.id).personName).toMatch(/^Test\d+ Personsen\d+$/)
    expect(byId(held.id)).toMatchObject({
      status: 'held',
      hold: { reason: 'Tilsynssak', createdBy: 'Ada Admin' },
    })
    expect(byId(withContact.id)).toMatchObject({ status: 'waiting' })
    expect(byId(later.id)).toBeUndefined()
    const [read] = await auditOf(OSLO, 'retention.preview')
    expect(read!.payload.userId).toBe(f.osloAdmin.user.id)
  })
})
