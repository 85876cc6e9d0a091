import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildUser, loginAs } from '../../test/factories'
import {
  auditRows,
  type CaseworkFixture,
  caseworkFixture,
  createCase,
  day,
  fieldErrors,
  newPerson,
} from './casework.fixtures'

let f: CaseworkFixture
beforeAll(async () => {
  f = await caseworkFixture()
})
afterAll(() => f.t.close())

const post = (payload: Record<string, unknown>) =>
  f.oslo.inject({ method: 'POST', url: '/api/cases', payload })

describe('POST /api/cases', () => {
  it('401 without a session, even with an invalid body', async () => {
    const res = await f.anon({ method: 'POST', url: '/api/cases', payload: { testDate: 'nope' } })
    expect(res.statusCode).toBe(401)
    expect(res.json()).toMatchObject({ code: 'unauthorized', title: 'Du må logge inn' })
  })

  it('400 per field with Norwegian messages from the schema', async () => {
    const res = await post({
      person: newPerson(),
      testDate: '2021-02-30',
      testType: 'blood',
      exposureSetting: 'moon',
      interviewStatus: 'maybe',
    })
    expect(res.statusCode).toBe(400)
    expect(fieldErrors(res.json())).toMatchObject({
      'body.testDate': 'Datoen finnes ikke',
      'body.testType': 'Velg testtype fra listen',
      'body.exposureSetting': 'Velg et smittested fra listen',
      'body.interviewStatus': 'Velg intervjustatus fra listen',
    })
  })

  it('400 for impossible dates: future, result before test, onset long after test, no test date', async () => {
    const res = await post({
      person: newPerson(),
      testDate: day(-20),
      resultDate: day(-21),
      onsetDate: day(-2),
      likelyInfectionDate: day(1),
    })
    expect(res.statusCode).toBe(400)
    expect(fieldErrors(res.json())).toEqual({
      'body.likelyInfectionDate': expect.stringMatching(/^Sannsynlig smittedato kan ikke være fram i tid/),
      'body.resultDate': 'Svardato kan ikke være før testdato',
      'body.onsetDate': 'Symptomstart kan ikke være mer enn 14 dager etter testdato',
    })
    const future = await post({ person: newPerson(), testDate: day(1) })
    expect(fieldErrors(future.json())['body.testDate']).toMatch(
      /^Testdato kan ikke være fram i tid \(i dag er/,
    )
    const none = await post({ person: newPerson() })
    expect(fieldErrors(none.json())).toEqual({
      'body.testDate': 'Fyll ut testdato, eller marker tilfellet som sannsynlig',
    })
  })

  it('400 on the person field for an invalid national id (persons feature rule)', async () => {
    const res = await post({ person: newPerson({ nationalId: '12345678901' }), testDate: day(-1) })
    expect(res.statusCode).toBe(400)
    expect(Object.keys(fieldErrors(res.json()))).toEqual(['body.person.nationalId'])
  })

  it('403 for a report user, 422 in a municipality that is not yet active', async () => {
    const res = await f.osloReport.inject({
      method: 'POST',
      url: '/api/cases',
      payload: { person: newPerson(), testDate: day(-1) },
    })
    expect(res.statusCode).toBe(403)
    const tromso = await loginAs(
      f.t.app,
      await buildUser(f.t.db.db, { roles: [{ role: 'tracer', kommune: '5501' }] }),
    )
    const inactive = await tromso.inject({
      method: 'POST',
      url: '/api/cases',
      payload: { person: newPerson(), testDate: day(-1) },
    })
    expect(inactive.statusCode).toBe(422)
    expect(inactive.json()).toMatchObject({
      code: 'kommune-inactive',
      title: 'Kommunen er ikke aktivert ennå. Kontakt plattformadministrator.',
    })
  })

  it('201: creates person and case in one transaction, with period, warnings and audit rows', async () => {
    const person = newPerson({ phone: '912 34 567' })
    const res = await post({
      person,
      testDate: day(-2),
      testType: 'pcr',
      symptomatic: true,
      onsetDate: day(-4),
      exposureSetting: 'workplace',
      infectionSource: 'contact',
      assignedTo: f.oslo2.user.id,
    })
    expect(res.statusCode).toBe(201)
    const body = res.json()
    expect(body).toMatchObject({
      kommune: '0301',
      person: {
        nationalId: person.nationalId,
        firstName: person.firstName,
        phone: '912 34 567',
        kommune: '0301',
      },
      testDate: day(-2),
      onsetDate: day(-4),
      status: 'open',
      interviewStatus: 'not_started',
      assignedTo: { id: f.oslo2.user.id, name: 'Per Sporer' },
      infectiousPeriod: { start: day(-6), end: null, basis: 'onset', basisDate: day(-4) },
      contacts: [],
      version: 1,
      personCreated: true,
    })
    expect(body.warnings).toEqual([
      expect.objectContaining({ code: 'source-contact-unknown', path: 'infectionSource' }),
    ])
    expect(body.person).not.toHaveProperty('street')
    const rows = await auditRows(f, '0301', { recordId: body.id })
    expect(rows.map((r) => [r.action, r.person_id, r.user_id])).toEqual([
      ['case.create', body.person.id, f.oslo.user.id],
    ])
    expect(rows[0]?.payload.changes).toEqual(
      expect.arrayContaining([{ field: 'testDate', before: null, after: day(-2) }]),
    )
    expect(await auditRows(f, '0301', { action: 'person.create', recordId: body.person.id })).toHaveLength(1)
  })

  it('409 for a second open case of the same person; an existing person is attached by national id', async () => {
    const person = newPerson()
    const first = await createCase(f.oslo, { person })
    const again = await post({ person: { ...person, firstName: 'Annet' }, testDate: day(-1) })
    expect(again.statusCode).toBe(409)
    expect(again.json()).toMatchObject({ code: 'open-case-exists', caseId: first.id })
  })

  it('attaches a person owned by another municipality by national id (linked, not copied)', async () => {
    const person = newPerson()
    const inBergen = await createCase(f.bergen, { person })
    const inOslo = await createCase(f.oslo, { person: { ...person, firstName: 'Ignored' } })
    expect(inOslo.personCreated).toBe(false)
    expect(inOslo.person).toMatchObject({
      id: inBergen.person.id,
      kommune: '4601',
      firstName: person.firstName,
    })
  })
})

describe('GET /api/cases/{id}', () => {
  it('401, 400 for a malformed id, 404 for another municipality, 200 audited as a read', async () => {
    const c = await createCase(f.oslo)
    expect((await f.anon({ url: `/api/cases/${c.id}` })).statusCode).toBe(401)
    const bad = await f.oslo.inject({ url: '/api/cases/not-a-uuid' })
    expect(fieldErrors(bad.json())).toEqual({ 'params.id': 'Ugyldig id' })
    const other = await f.bergen.inject({ url: `/api/cases/${c.id}` })
    expect(other.statusCode).toBe(404)
    expect(other.json()).toMatchObject({ code: 'not-found', title: 'Tilfellet finnes ikke' })
    const res = await f.oslo2.inject({ url: `/api/cases/${c.id}` })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ id: c.id, infectiousPeriod: { start: day(-5), basis: 'onset' } })
    const reads = await auditRows(f, '0301', { action: 'case.read', recordId: c.id })
    expect(reads.map((r) => [r.user_id, r.person_id])).toEqual([[f.oslo2.user.id, c.person.id]])
    // Bergen's log holds only the denied attempt, never a read.
    const bergenLog = await auditRows(f, '4601', { recordId: c.id })
    expect(bergenLog.map((r) => [r.action, r.person_id])).toEqual([['access.denied', null]])
  })

  it('warns when a symptomatic case has no onset date (period counted from the test)', async () => {
    const c = await createCase(f.oslo, { onsetDate: null })
    expect(c.infectiousPeriod).toEqual({ start: day(-4), end: null, basis: 'test', basisDate: day(-2) })
    expect(c.warnings.map((w: { code: string }) => w.code)).toEqual(['onset-missing'])
  })
})

describe('PATCH /api/cases/{id}', () => {
  it('401, 400, 404 across municipalities, then saves with the version and audits the change', async () => {
    const c = await createCase(f.oslo)
    const url = `/api/cases/${c.id}`
    expect((await f.anon({ method: 'PATCH', url, payload: {} })).statusCode).toBe(401)
    const noVersion = await f.oslo.inject({ method: 'PATCH', url, payload: { interviewStatus: 'done' } })
    expect(fieldErrors(noVersion.json())).toEqual({ 'body.version': 'Feltet må fylles ut' })
    const foreign = await f.bergen.inject({ method: 'PATCH', url, payload: { version: 1, notes: 'x' } })
    expect(foreign.statusCode).toBe(404)
    const res = await f.oslo.inject({
      method: 'PATCH',
      url,
      payload: { version: 1, interviewStatus: 'in_progress', hospitalised: true, notes: 'Ringt' },
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({
      version: 2,
      interviewStatus: 'in_progress',
      hospitalised: true,
      notes: 'Ringt',
    })
    expect(res.json().testDate).toBe(c.testDate)
    const [row] = await auditRows(f, '0301', { action: 'case.update', recordId: c.id })
    expect(row?.payload.changes).toEqual([
      { field: 'hospitalised', before: false, after: true },
      { field: 'interviewStatus', before: 'not_started', after: 'in_progress' },
      { field: 'notes', before: null, after: 'Ringt' },
    ])
  })

  it('409 with the current values when the version is stale; nothing is written', async () => {
    const c = await createCase(f.oslo)
    const url = `/api/cases/${c.id}`
    await f.oslo.inject({ method: 'PATCH', url, payload: { version: 1, notes: 'Først' } })
    const stale = await f.oslo2.inject({ method: 'PATCH', url, payload: { version: 1, notes: 'Sist' } })
    expect(stale.statusCode).toBe(409)
    expect(stale.json()).toMatchObject({
      code: 'conflict',
      current: { id: c.id, version: 2, notes: 'Først' },
    })
    expect((await f.oslo.inject({ url })).json().notes).toBe('Først')
  })

  it('checks dates against the stored values: a result date before the stored test date is refused', async () => {
    const c = await createCase(f.oslo)
    const res = await f.oslo.inject({
      method: 'PATCH',
      url: `/api/cases/${c.id}`,
      payload: { version: 1, resultDate: day(-5) },
    })
    expect(res.statusCode).toBe(400)
    expect(fieldErrors(res.json())).toEqual({ 'body.resultDate': 'Svardato kan ikke være før testdato' })
  })
})

describe('assign, close and reopen', () => {
  it('assigns a tracer of this municipality, refuses others, unassigns', async () => {
    const c = await createCase(f.oslo)
    const url = `/api/cases/${c.id}/assignee`
    expect((await f.anon({ method: 'PUT', url, payload: {} })).statusCode).toBe(401)
    const foreign = await f.bergen.inject({
      method: 'PUT',
      url,
      payload: { userId: f.bergen.user.id, version: 1 },
    })
    expect(foreign.statusCode).toBe(404)
    for (const who of [f.bergen, f.osloReport]) {
      const res = await f.oslo.inject({ method: 'PUT', url, payload: { userId: who.user.id, version: 1 } })
      expect(res.statusCode).toBe(400)
      expect(fieldErrors(res.json())).toEqual({
        'body.userId': 'Brukeren har ingen smittesporingsrolle i denne kommunen',
      })
    }
    const ok = await f.oslo.inject({
      method: 'PUT',
      url,
      payload: { userId: f.osloAdmin.user.id, version: 1 },
    })
    expect(ok.json()).toMatchObject({
      version: 2,
      assignedTo: { id: f.osloAdmin.user.id, name: 'Ada Admin' },
    })
    const none = await f.oslo.inject({ method: 'PUT', url, payload: { userId: null, version: 2 } })
    expect(none.json()).toMatchObject({ version: 3, assignedTo: null })
    const rows = await auditRows(f, '0301', { action: 'case.assign', recordId: c.id })
    expect(rows.map((r) => r.payload.changes)).toEqual([
      [{ field: 'assignedTo', before: null, after: f.osloAdmin.user.id }],
      [{ field: 'assignedTo', before: f.osloAdmin.user.id, after: null }],
    ])
  })

  it('closes with an outcome, refuses closing twice, reopens', async () => {
    const c = await createCase(f.oslo)
    const base = `/api/cases/${c.id}`
    expect(
      (await f.bergen.inject({ method: 'POST', url: `${base}/close`, payload: { version: 1 } })).statusCode,
    ).toBe(404)
    const closed = await f.oslo.inject({
      method: 'POST',
      url: `${base}/close`,
      payload: { version: 1, outcome: 'recovered' },
    })
    expect(closed.json()).toMatchObject({ status: 'closed', outcome: 'recovered', version: 2 })
    expect(closed.json().closedAt).toMatch(/^\d{4}-/)
    const twice = await f.oslo.inject({ method: 'POST', url: `${base}/close`, payload: { version: 2 } })
    expect(twice.statusCode).toBe(409)
    expect(twice.json().code).toBe('case-already-closed')
    const reopened = await f.oslo.inject({ method: 'POST', url: `${base}/reopen`, payload: { version: 2 } })
    expect(reopened.json()).toMatchObject({ status: 'open', closedAt: null, version: 3 })
    const actions = (await auditRows(f, '0301', { recordId: c.id })).map((r) => r.action)
    expect(actions).toEqual(['case.create', 'case.close', 'case.reopen'])
  })
})
