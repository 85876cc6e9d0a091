import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inTenant } from '../../db/tenant'
import { randomSyntheticId } from '../../seed/synthetic-id'
import { buildTestApp } from '../../test/app'
import { activateKommune, buildUser, type LoggedIn, loginAs } from '../../test/factories'
import { assertKommuneActive, isFolkeregisterEnabled } from './onboarding.service'

const OSLO = '0301'
const BAERUM = '3201'
const ASKER = '3203'
const ACTIVATION = ['dpia', 'ros', 'dpa', 'service_annex'] as const
const FREG = ['freg_rf1514', 'freg_delegation', 'freg_agreement', 'freg_enabled'] as const

let t: Awaited<ReturnType<typeof buildTestApp>>
let operator: LoggedIn
let adminOslo: LoggedIn
let tracerOslo: LoggedIn

beforeAll(async () => {
  t = await buildTestApp()
  const db = t.db.db
  await activateKommune(db, OSLO)
  operator = await loginAs(t.app, await buildUser(db, { name: 'Kari Drift', roles: [{ role: 'operator' }] }))
  adminOslo = await loginAs(
    t.app,
    await buildUser(db, { name: 'Olga Admin', roles: [{ role: 'admin', kommune: OSLO }] }),
  )
  tracerOslo = await loginAs(
    t.app,
    await buildUser(db, { name: 'Tore Sporer', roles: [{ role: 'tracer', kommune: OSLO }] }),
  )
})
afterAll(() => t.close())

const record = (who: LoggedIn, kommune: string, step: string, payload: unknown = { doneOn: '2024-03-01' }) =>
  who.inject({ method: 'PUT', url: `/api/onboarding/kommuner/${kommune}/steps/${step}`, payload })

const appoint = (over: Record<string, unknown> = {}) => ({
  admin: {
    nationalId: randomSyntheticId(),
    name: 'Berit Bærumsadmin',
    email: 'berit@baerum.example.test',
    ...over,
  },
})

async function auditActions(kommune: string) {
  return inTenant(t.db.db, { kommune }, (trx) =>
    trx.selectFrom('audit_log').select(['action', 'payload']).orderBy('id').execute(),
  )
}

describe('onboarding: who may', () => {
  it('answers 401 without a session', async () => {
    expect((await t.app.inject({ url: '/api/onboarding/kommuner' })).statusCode).toBe(401)
    expect((await t.app.inject({ url: '/api/onboarding/own' })).statusCode).toBe(401)
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/onboarding/kommuner/${BAERUM}/activate`,
      payload: {},
    })
    expect(res.statusCode).toBe(401)
  })

  it('validates each field', async () => {
    const cases: [string, unknown, string, string][] = [
      ['dpia', { doneOn: '' }, 'body.doneOn', 'Ugyldig dato (bruk åååå-mm-dd)'],
      ['dpia', { doneOn: '2099-01-01' }, 'body.doneOn', 'Datoen kan ikke være fram i tid'],
      ['dpia', { doneOn: '2024-01-01', note: 'x'.repeat(1001) }, 'body.note', 'Kan ha høyst 1000 tegn'],
      ['nope', { doneOn: '2024-01-01' }, 'params.step', 'Ugyldig verdi'],
    ]
    for (const [step, payload, path, message] of cases) {
      const res = await record(operator, BAERUM, step, payload)
      expect(res.statusCode, path).toBe(400)
      expect(res.json().errors).toContainEqual({ path, message })
    }
    const undo = await operator.inject({
      method: 'POST',
      url: `/api/onboarding/kommuner/${BAERUM}/steps/dpia/undo`,
      payload: { reason: ' ' },
    })
    expect(undo.json().errors).toEqual([{ path: 'body.reason', message: 'Skriv hvorfor steget angres' }])
    const bad = await operator.inject({
      method: 'POST',
      url: `/api/onboarding/kommuner/${BAERUM}/activate`,
      payload: appoint({ nationalId: '13097248022', email: 'nei' }),
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().errors).toEqual([{ path: 'body.admin.email', message: 'Ugyldig e-postadresse' }])
    const real = await operator.inject({
      method: 'POST',
      url: `/api/onboarding/kommuner/${BAERUM}/activate`,
      payload: appoint({ nationalId: '13097248022' }),
    })
    expect(real.json().errors[0]).toMatchObject({
      path: 'body.admin.nationalId',
      message: expect.stringMatching(/^I testmiljøet/),
    })
  })

  it('keeps municipal users away from the operator functions and the operator from municipal settings', async () => {
    expect((await adminOslo.inject({ url: '/api/onboarding/kommuner' })).statusCode).toBe(403)
    expect((await record(adminOslo, OSLO, 'dpia')).statusCode).toBe(403)
    const act = await adminOslo.inject({
      method: 'POST',
      url: `/api/onboarding/kommuner/${BAERUM}/activate`,
      payload: appoint(),
    })
    expect(act.statusCode).toBe(403)
    const settings = await tracerOslo.inject({
      method: 'PUT',
      url: '/api/onboarding/own/settings',
      payload: { version: 0 },
    })
    expect(settings.statusCode).toBe(403)
    expect((await operator.inject({ url: '/api/onboarding/own' })).statusCode).toBe(403)
    expect((await operator.inject({ url: '/api/onboarding/kommuner/9999' })).statusCode).toBe(404)
  })
})

describe('checklist and activation', () => {
  it('lists municipalities with progress, filtered by fylke and status', async () => {
    await record(operator, ASKER, 'dpia')
    const akershus = (await operator.inject({ url: '/api/onboarding/kommuner?fylke=32&pageSize=400' })).json()
    expect(akershus.items.every((k: { fylkeCode: string }) => k.fylkeCode === '32')).toBe(true)
    expect(akershus.items.find((k: { code: string }) => k.code === ASKER)).toMatchObject({
      name: 'Asker',
      fylkeName: 'Akershus',
      status: 'inactive',
      activationDone: 1,
      fregDone: 0,
    })
    const active = (await operator.inject({ url: '/api/onboarding/kommuner?status=active' })).json()
    expect(active.items.map((k: { code: string }) => k.code)).toEqual([OSLO])
    expect(active.total).toBe(1)
  })

  it('refuses activation until DPIA, ROS, DPA and service annex are recorded, naming what is missing', async () => {
    await record(operator, BAERUM, 'dpia', { doneOn: '2024-03-01', note: 'Mal fra KS' })
    await record(operator, BAERUM, 'ros')
    const res = await operator.inject({
      method: 'POST',
      url: `/api/onboarding/kommuner/${BAERUM}/activate`,
      payload: appoint(),
    })
    expect(res.statusCode).toBe(422)
    expect(res.json()).toMatchObject({
      code: 'onboarding-incomplete',
      title: 'Kommunen kan ikke aktiveres ennå',
      detail: 'Dette må registreres først: Databehandleravtale, Tjenestevedlegg.',
      missing: ['dpa', 'service_annex'],
    })
    const k = await t.db.db
      .selectFrom('org_units')
      .select('status')
      .where('code', '=', BAERUM)
      .executeTakeFirstOrThrow()
    expect(k.status).toBe('inactive')
  })

  it('records, undoes with a reason and re-records a step, audited in the municipality', async () => {
    await record(operator, BAERUM, 'dpa')
    const undo = await operator.inject({
      method: 'POST',
      url: `/api/onboarding/kommuner/${BAERUM}/steps/dpa/undo`,
      payload: { reason: 'Feil avtale registrert' },
    })
    expect(undo.statusCode).toBe(200)
    expect(undo.json().steps.find((s: { step: string }) => s.step === 'dpa')).toMatchObject({
      done: false,
      doneOn: null,
    })
    expect(undo.json().missingForActivation).toEqual(['dpa', 'service_annex'])
    const again = await operator.inject({
      method: 'POST',
      url: `/api/onboarding/kommuner/${BAERUM}/steps/dpa/undo`,
      payload: { reason: 'igjen' },
    })
    expect(again.statusCode).toBe(422)

    const res = await record(operator, BAERUM, 'dpa', { doneOn: '2024-03-05', note: 'Signert' })
    const dpa = res.json().steps.find((s: { step: string }) => s.step === 'dpa')
    expect(dpa).toMatchObject({ done: true, doneOn: '2024-03-05', note: 'Signert', recordedBy: 'Kari Drift' })

    const log = await auditActions(BAERUM)
    const undone = log.find((r) => r.action === 'onboarding.step.undo')!
    expect(undone.payload).toMatchObject({
      userName: 'Kari Drift',
      reason: 'Feil avtale registrert',
      recordId: `${BAERUM}:dpa`,
      changes: [{ field: 'doneOn', before: '2024-03-01', after: null }],
    })
  })

  it('activates and appoints the first Administrator, who can log in and add users', async () => {
    await record(operator, BAERUM, 'service_annex')
    const pid = randomSyntheticId()
    const res = await operator.inject({
      method: 'POST',
      url: `/api/onboarding/kommuner/${BAERUM}/activate`,
      payload: appoint({ nationalId: pid }),
    })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.admin).toMatchObject({ name: 'Berit Bærumsadmin', existing: false })
    expect(body.checklist.kommune).toMatchObject({ code: BAERUM, name: 'Bærum', status: 'active' })
    expect(body.checklist.kommune.activatedAt).not.toBeNull()
    expect(body.checklist.administrators).toEqual([{ id: body.admin.id, name: 'Berit Bærumsadmin' }])

    const again = await operator.inject({
      method: 'POST',
      url: `/api/onboarding/kommuner/${BAERUM}/activate`,
      payload: appoint(),
    })
    expect(again.json().code).toBe('already-active')

    const berit = await loginAs(t.app, { id: body.admin.id, pid, name: 'Berit Bærumsadmin', roles: [] })
    const me = (await berit.inject({ url: '/api/session' })).json()
    expect(me).toMatchObject({
      activeKommune: { code: BAERUM, name: 'Bærum', active: true },
      roles: ['admin'],
    })
    const users = (await berit.inject({ url: '/api/users' })).json()
    expect(users.items.map((u: { name: string; roles: string[] }) => [u.name, u.roles])).toEqual([
      ['Berit Bærumsadmin', ['admin']],
    ])
    const log = (await auditActions(BAERUM)).map((r) => r.action)
    expect(log).toContain('kommune.activate')
    expect(log).toContain('user.create')
  })
})

describe("the municipality's own checklist and settings", () => {
  it('is readable by every user of the municipality', async () => {
    const res = await tracerOslo.inject({ url: '/api/onboarding/own' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({
      kommune: { code: OSLO, status: 'active' },
      settings: { startDate: null, version: 0 },
      folkeregisterEnabled: false,
    })
    expect(res.json().steps.map((s: { step: string }) => s.step)).toEqual([...ACTIVATION, ...FREG])
  })

  it('lets the Administrator save settings with optimistic locking', async () => {
    const first = await adminOslo.inject({
      method: 'PUT',
      url: '/api/onboarding/own/settings',
      payload: {
        version: 0,
        startDate: '2024-04-01',
        trainingDate: '',
        contactName: 'Per Prosjekt',
        contactEmail: '',
      },
    })
    expect(first.statusCode).toBe(200)
    expect(first.json()).toEqual({
      startDate: '2024-04-01',
      trainingDate: null,
      contactName: 'Per Prosjekt',
      contactEmail: null,
      contactPhone: null,
      version: 1,
    })
    const stale = await adminOslo.inject({
      method: 'PUT',
      url: '/api/onboarding/own/settings',
      payload: { version: 0, startDate: '2024-05-01' },
    })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().current).toMatchObject({ startDate: '2024-04-01', version: 1 })
    const bad = await adminOslo.inject({
      method: 'PUT',
      url: '/api/onboarding/own/settings',
      payload: { version: 1, contactEmail: 'x' },
    })
    expect(bad.json().errors).toEqual([{ path: 'body.contactEmail', message: 'Ugyldig e-postadresse' }])
    const second = await adminOslo.inject({
      method: 'PUT',
      url: '/api/onboarding/own/settings',
      payload: {
        version: 1,
        startDate: '2024-04-01',
        trainingDate: '2024-03-20',
        contactName: 'Per Prosjekt',
        contactEmail: 'per@oslo.example.test',
      },
    })
    expect(second.json()).toMatchObject({ trainingDate: '2024-03-20', version: 2 })
    const log = (await auditActions(OSLO)).filter((r) => r.action === 'kommune-settings.update')
    expect(log.at(-1)!.payload.changes).toEqual([
      { field: 'trainingDate', before: null, after: '2024-03-20' },
      { field: 'contactEmail', before: null, after: 'per@oslo.example.test' },
    ])
    const seen = (await operator.inject({ url: `/api/onboarding/kommuner/${OSLO}` })).json()
    expect(seen.settings).toMatchObject({ contactName: 'Per Prosjekt', version: 2 })
  })
})

describe('for other features', () => {
  it('isFolkeregisterEnabled is true only when all four Folkeregister steps are recorded', async () => {
    for (const step of FREG.slice(0, 3)) await record(operator, OSLO, step)
    expect(await isFolkeregisterEnabled(t.db.db, OSLO)).toBe(false)
    await record(operator, OSLO, 'freg_enabled')
    expect(await isFolkeregisterEnabled(t.db.db, OSLO)).toBe(true)
    expect((await tracerOslo.inject({ url: '/api/onboarding/own' })).json().folkeregisterEnabled).toBe(true)
  })

  it('assertKommuneActive refuses an inactive municipality with a clear 422', async () => {
    await expect(assertKommuneActive(t.db.db, OSLO)).resolves.toBeUndefined()
    await expect(assertKommuneActive(t.db.db, ASKER)).rejects.toMatchObject({
      status: 422,
      code: 'kommune-inactive',
      title: expect.stringMatching(/^Kommunen er ikke aktivert ennå/),
    })
  })
})
