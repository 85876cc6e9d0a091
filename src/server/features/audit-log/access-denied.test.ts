import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuditEntryView } from '../../../shared/api/audit-log'
import { tamper } from '../../audit/test-helpers'
import { syntheticNationalId } from '../../seed/synthetic-id'
import { buildTestApp } from '../../test/app'
import { activateKommune, buildUser, type LoggedIn, loginAs } from '../../test/factories'
import { recordTypeOf } from './access-denied'

/**
 * Access denials and failed logins in the audit log, and the operator's integrity check
 * (GET /api/audit-log/verify).
 */
let t: Awaited<ReturnType<typeof buildTestApp>>
let admin: LoggedIn
let tracer: LoggedIn
let report: LoggedIn
let bergenAdmin: LoggedIn
let operator: LoggedIn
let bergenPerson: string

const denials = async (who: LoggedIn, qs = ''): Promise<AuditEntryView[]> => {
  const res = await who.inject({ url: `/api/audit-log?action=access.denied${qs}` })
  expect(res.statusCode, res.body).toBe(200)
  return res.json().items
}

beforeAll(async () => {
  t = await buildTestApp()
  await activateKommune(t.db.db, '0301')
  await activateKommune(t.db.db, '4601')
  admin = await loginAs(t.app, await buildUser(t.db.db, { roles: [{ role: 'admin', kommune: '0301' }] }))
  tracer = await loginAs(t.app, await buildUser(t.db.db, { roles: [{ role: 'tracer', kommune: '0301' }] }))
  report = await loginAs(t.app, await buildUser(t.db.db, { roles: [{ role: 'report', kommune: '0301' }] }))
  bergenAdmin = await loginAs(
    t.app,
    await buildUser(t.db.db, { roles: [{ role: 'admin', kommune: '4601' }] }),
  )
  operator = await loginAs(t.app, await buildUser(t.db.db, { roles: [{ role: 'operator' }] }))
  const created = await bergenAdmin.inject({
    method: 'POST',
    url: '/api/persons',
    payload: { firstName: 'Bergljot', lastName: 'Vik', nationalId: syntheticNationalId('1985-01-02', 4) },
  })
  expect(created.statusCode, created.body).toBe(200)
  bergenPerson = created.json().person.id
})
afterAll(() => t.close())

describe('access denials', () => {
  it('a 403 stays a 403 and is logged in the actor’s municipality', async () => {
    const res = await report.inject({ url: '/api/persons?q=Vik' })
    expect(res.statusCode).toBe(403)
    expect(res.json()).toMatchObject({ code: 'forbidden', status: 403 })
    const [row] = await denials(admin, `&userId=${report.user.id}`)
    expect(row).toMatchObject({
      action: 'access.denied',
      outcome: 'denied',
      userId: report.user.id,
      roles: ['report'],
      recordType: 'person',
      recordId: null,
    })
    expect(row?.details).toEqual({ status: 403, code: 'forbidden', method: 'GET', route: '/api/persons' })
  })

  it('another municipality’s record answers 404 and the attempt is logged with its id', async () => {
    const res = await tracer.inject({ url: `/api/persons/${bergenPerson}` })
    expect(res.statusCode).toBe(404)
    expect(res.json().code).toBe('not-found')
    const [row] = await denials(admin, `&userId=${tracer.user.id}`)
    expect(row).toMatchObject({ recordType: 'person', recordId: bergenPerson, outcome: 'denied' })
    expect(row?.details).toMatchObject({ status: 404, route: '/api/persons/:id' })
    // The attempt is Oslo's business: Bergen's log does not show Oslo's user.
    expect((await denials(bergenAdmin)).some((e) => e.userId === tracer.user.id)).toBe(false)
  })

  it('a tracer opening the audit log is denied and that shows in the log', async () => {
    expect((await tracer.inject({ url: '/api/audit-log' })).statusCode).toBe(403)
    const [row] = await denials(admin, `&userId=${tracer.user.id}`)
    expect(row).toMatchObject({ recordType: 'audit-log', recordId: null })
  })

  it('validation errors, anonymous requests and unknown addresses are not denials', async () => {
    const before = (await denials(admin, '&limit=200')).length
    expect((await tracer.inject({ url: '/api/persons/not-a-uuid' })).statusCode).toBe(400)
    expect((await t.app.inject({ url: '/api/audit-log' })).statusCode).toBe(401)
    expect((await tracer.inject({ url: '/api/no-such-thing' })).statusCode).toBe(404)
    // The admin's own search in `denials` adds audit.search rows, not access.denied rows.
    expect(await denials(admin, '&limit=200')).toHaveLength(before)
  })

  it('names the record type after the route', () => {
    expect(recordTypeOf('/api/persons/:id')).toBe('person')
    expect(recordTypeOf('/api/org-units/:code')).toBe('org-unit')
    expect(recordTypeOf('/api/audit-log.csv')).toBe('audit-log')
    expect(recordTypeOf('/api/access/:id')).toBe('access')
  })
})

describe('failed logins', () => {
  it('go to the national chain, so no municipality’s Administrator sees them', async () => {
    const res = await t.app.inject({ url: '/auth/callback?code=x&state=y' })
    expect(res.statusCode).toBe(302)
    expect(res.headers.location).toBe('/innlogging-feilet?grunn=state')
    const rows = await sql<{
      n: number
    }>`select count(*)::int as n from audit_log where action = 'login.failed'`
    // The app role sees no national rows at all (row-level security)…
    expect((await rows.execute(t.db.db)).rows[0]?.n).toBe(0)
    expect((await admin.inject({ url: '/api/audit-log?action=login' })).json().items).toEqual([])
  })
})

describe('GET /api/audit-log/verify', () => {
  it('401 without a session, 403 for a municipal Administrator', async () => {
    expect((await t.app.inject({ url: '/api/audit-log/verify' })).statusCode).toBe(401)
    expect((await admin.inject({ url: '/api/audit-log/verify' })).statusCode).toBe(403)
  })

  it('tells the operator the chains are intact, without log content', async () => {
    const res = await operator.inject({ url: '/api/audit-log/verify' })
    expect(res.statusCode, res.body).toBe(200)
    const body = res.json()
    expect(body).toMatchObject({ ok: true, problems: [], truncated: false })
    // 0301, 4601 and the national chain (the failed login above).
    expect(body.chains).toBe(3)
    expect(body.rows).toBeGreaterThan(10)
    expect(Object.keys(body).sort()).toEqual(['chains', 'checkedAt', 'ok', 'problems', 'rows', 'truncated'])
    // The owner role ended with the check's transaction.
    const role = await sql<{ r: string }>`select current_user as r`.execute(t.db.db)
    expect(role.rows[0]?.r).toBe('smittespor_app')
    expect(
      (await admin.inject({ url: '/api/audit-log?limit=200' }))
        .json()
        .items.every((e: AuditEntryView) => e.userId !== bergenAdmin.user.id),
    ).toBe(true)
  })

  it('reports where an edited row is', async () => {
    await tamper(t.db, (c) =>
      c.query(
        `update audit_log set payload = jsonb_set(payload, '{reason}', '"endret"')
          where id = (select min(id) from audit_log where kommune = '0301')`,
      ),
    )
    const body = (await operator.inject({ url: '/api/audit-log/verify' })).json()
    expect(body.ok).toBe(false)
    expect(body.problems).toEqual([
      expect.objectContaining({ chain: '0301', seq: 1, problem: 'hash-mismatch' }),
    ])
  })
})
