import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FREG_IDS } from '../../fakes/freg'
import { syntheticNationalId } from '../../seed/synthetic-id'
import { buildTestApp, testConfig } from '../../test/app'
import { activateKommune, buildUser, type LoggedIn, loginAs } from '../../test/factories'
import { enableFreg, fregAuditRows, startFakesWithClient } from './test-support'

/**
 * FREG lookups through the API, with the app configured like production (FREG_BASE_URL,
 * MASKINPORTEN_*) against the fakes on their own port. Order: 401, 400, 403, not enabled, then
 * every fixture person and every failure mode; each attempt must leave an audit row.
 */
let fakes: Awaited<ReturnType<typeof startFakesWithClient>>
let t: Awaited<ReturnType<typeof buildTestApp>>
let oslo: LoggedIn
let bergen: LoggedIn
let report: LoggedIn
let operatorId: string

beforeAll(async () => {
  fakes = await startFakesWithClient({ slowMs: 3500 })
  t = await buildTestApp({
    config: testConfig({
      ...fakes.env,
      FREG_TIMEOUT_MS: '1500',
      FREG_BREAKER_FAILURES: '3',
      FREG_BREAKER_OPEN_MS: '600000',
    }),
  })
  await activateKommune(t.db.db, '0301')
  await activateKommune(t.db.db, '4601')
  operatorId = (await buildUser(t.db.db, { roles: [{ role: 'operator' }] })).id
  oslo = await loginAs(t.app, await buildUser(t.db.db, { roles: [{ role: 'tracer', kommune: '0301' }] }))
  bergen = await loginAs(t.app, await buildUser(t.db.db, { roles: [{ role: 'tracer', kommune: '4601' }] }))
  report = await loginAs(t.app, await buildUser(t.db.db, { roles: [{ role: 'report', kommune: '0301' }] }))
})
afterAll(async () => {
  await t.close()
  await fakes.close()
})

const lookup = (who: LoggedIn, nationalId: unknown) =>
  who.inject({ method: 'POST', url: '/api/freg/lookup', payload: { nationalId } })

describe('access and validation', () => {
  it('401 without a session', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/freg/lookup',
      payload: { nationalId: FREG_IDS.ordinary },
    })
    expect(res.statusCode).toBe(401)
    expect((await t.app.inject({ method: 'GET', url: '/api/freg/status' })).statusCode).toBe(401)
  })

  it('400 for a missing, malformed or (in the test environment) non-synthetic national id', async () => {
    expect((await lookup(oslo, '')).json().errors[0].path).toBe('body.nationalId')
    const broken = await lookup(oslo, '123')
    expect(broken.statusCode).toBe(400)
    expect(broken.json().errors).toEqual([
      { path: 'body.nationalId', message: 'Fødselsnummeret må ha 11 siffer' },
    ])
    const real = await lookup(oslo, '20036914700')
    expect(real.statusCode).toBe(400)
    expect(real.json().errors[0].message).toMatch(/syntetiske/)
  })

  it('403 for a report user', async () => {
    expect((await lookup(report, FREG_IDS.ordinary)).statusCode).toBe(403)
    expect((await report.inject({ url: '/api/freg/status' })).statusCode).toBe(403)
  })
})

describe('per-municipality onboarding', () => {
  it('status lists the missing steps, and a lookup is refused (422) and audited as denied', async () => {
    await enableFreg(t.db.db, '0301', operatorId, ['freg_rf1514', 'freg_agreement'])
    const status = await oslo.inject({ url: '/api/freg/status' })
    expect(status.json()).toMatchObject({
      configured: true,
      enabled: false,
      missingSteps: ['freg_delegation', 'freg_enabled'],
    })
    expect(status.json().testPersons).toBeUndefined()
    const res = await lookup(oslo, FREG_IDS.ordinary)
    expect(res.statusCode).toBe(422)
    expect(res.json()).toMatchObject({
      code: 'freg-disabled',
      missingSteps: ['freg_delegation', 'freg_enabled'],
    })
    expect(res.json().detail).toMatch(/rettighet delegert.*manuelt/)
    const rows = await fregAuditRows(t.db.db, '0301')
    expect(rows.at(-1)).toMatchObject({
      record_id: FREG_IDS.ordinary,
      user_id: oslo.user.id,
      payload: { outcome: 'denied', details: { result: 'disabled' } },
    })
  })

  it('is enabled once all four steps are recorded — for that municipality only', async () => {
    await enableFreg(t.db.db, '0301', operatorId)
    expect((await oslo.inject({ url: '/api/freg/status' })).json()).toMatchObject({
      enabled: true,
      missingSteps: [],
    })
    expect((await bergen.inject({ url: '/api/freg/status' })).json()).toMatchObject({ enabled: false })
    expect((await lookup(bergen, FREG_IDS.ordinary)).json().code).toBe('freg-disabled')
  })
})

describe('lookups of every fixture person', () => {
  it('ordinary: filled fields, a receipt, audited with who/whose/result', async () => {
    const res = await lookup(oslo, FREG_IDS.ordinary)
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.person).toMatchObject({
      nationalId: FREG_IDS.ordinary,
      firstName: 'Lyseblå',
      lastName: 'Sjøhest',
      birthDate: '1985-04-12',
      sex: 'female',
      status: 'bosatt',
      protectedAddress: 'none',
      address: { street: 'Storgata 12B', postcode: '0184', place: 'Oslo' },
      residenceKommune: '0301',
    })
    expect(body.receipt).toMatch(/^[\w-]+\.[\w-]+$/)
    expect(body.knownPersonId).toBeNull()
    expect(Date.now() - Date.parse(body.fetchedAt)).toBeLessThan(10_000)
    expect((await fregAuditRows(t.db.db, '0301')).at(-1)).toMatchObject({
      record_id: FREG_IDS.ordinary,
      person_id: null,
      user_id: oslo.user.id,
      payload: { outcome: 'ok', details: { result: 'found', status: 'bosatt', protectedAddress: 'none' } },
    })
  })

  it('accepts the id with spaces, as people type it', async () => {
    const spaced = `${FREG_IDS.ordinary.slice(0, 6)} ${FREG_IDS.ordinary.slice(6)}`
    expect((await lookup(oslo, spaced)).json().person.nationalId).toBe(FREG_IDS.ordinary)
  })

  it('D-nummer', async () => {
    const p = (await lookup(oslo, FREG_IDS.dNumber)).json().person
    expect(p).toMatchObject({
      idType: 'dnr',
      status: 'midlertidig',
      address: { kind: 'opphold', place: 'Bergen' },
    })
  })

  it('strengt fortrolig and fortrolig: the level only, never an address or kommune', async () => {
    for (const [id, level] of [
      [FREG_IDS.strengtFortrolig, 'strengt_fortrolig'],
      [FREG_IDS.fortrolig, 'fortrolig'],
    ] as const) {
      const res = await lookup(oslo, id)
      expect(res.json().person).toMatchObject({
        protectedAddress: level,
        address: null,
        residenceKommune: null,
      })
      expect(res.body).not.toMatch(/Hemmeligveien|0678/)
      expect((await fregAuditRows(t.db.db, '0301')).at(-1)?.payload.details).toEqual({
        result: 'found',
        status: 'bosatt',
        protectedAddress: level,
      })
    }
  })

  it('deceased, emigrated, unknown residence, address history', async () => {
    expect((await lookup(oslo, FREG_IDS.deceased)).json().person).toMatchObject({
      status: 'doed',
      deathDate: '2021-03-14',
    })
    expect((await lookup(oslo, FREG_IDS.emigrated)).json().person).toMatchObject({
      status: 'utflyttet',
      address: null,
    })
    expect((await lookup(oslo, FREG_IDS.unknownResidence)).json().person).toMatchObject({
      unknownResidence: true,
      residenceKommune: '4601',
      address: null,
    })
    expect((await lookup(oslo, FREG_IDS.addressHistory)).json().person).toMatchObject({
      lastName: 'Maur',
      address: { street: 'Thorvald Meyers gate 70A' },
    })
  })

  it('names the person already in the register', async () => {
    const created = await oslo.inject({
      method: 'POST',
      url: '/api/persons',
      payload: { firstName: 'Vandrende', lastName: 'Albatross', nationalId: FREG_IDS.unknownResidence },
    })
    const personId = created.json().person.id
    expect((await lookup(oslo, FREG_IDS.unknownResidence)).json().knownPersonId).toBe(personId)
    expect((await fregAuditRows(t.db.db, '0301')).at(-1)?.person_id).toBe(personId)
  })
})

describe('failures are answered clearly and audited', () => {
  it('not found: 404 freg-not-found', async () => {
    const res = await lookup(oslo, FREG_IDS.unknown)
    expect(res.statusCode).toBe(404)
    expect(res.json()).toMatchObject({
      code: 'freg-not-found',
      title: 'Personen finnes ikke i Folkeregisteret',
    })
    expect(res.json().detail).toMatch(/manuelt/)
    expect((await fregAuditRows(t.db.db, '0301')).at(-1)).toMatchObject({
      record_id: FREG_IDS.unknown,
      payload: { outcome: 'ok', details: { result: 'not-found' } },
    })
  })

  it('server error (after one retry): 503 with reason server-error', async () => {
    const before = fakes.freg.stats.byName.get('serverError') ?? 0
    const res = await lookup(oslo, FREG_IDS.serverError)
    expect(res.statusCode).toBe(503)
    expect(res.json()).toMatchObject({ code: 'freg-unavailable', reason: 'server-error' })
    expect(fakes.freg.stats.byName.get('serverError')).toBe(before + 2)
    expect((await fregAuditRows(t.db.db, '0301')).at(-1)).toMatchObject({
      payload: { outcome: 'failed', details: { result: 'unavailable', reason: 'server-error' } },
    })
  })

  it('timeout: 503 with reason timeout', async () => {
    const res = await lookup(oslo, FREG_IDS.slow)
    expect(res.json()).toMatchObject({ code: 'freg-unavailable', reason: 'timeout' })
    expect(res.json().detail).toMatch(/tidsfristen/)
  })

  it('a 503 once is retried and the person found', async () => {
    expect((await lookup(oslo, FREG_IDS.flaky)).json().person.lastName).toBe('Forbindelse')
  })

  it('after three failures in a row the circuit opens: answered at once, FREG not asked', async () => {
    for (let i = 0; i < 3; i++)
      expect((await lookup(oslo, FREG_IDS.serverError)).json().reason).toBe('server-error')
    const asked = fakes.freg.stats.requests
    const res = await lookup(oslo, FREG_IDS.ordinary)
    expect(res.json()).toMatchObject({ code: 'freg-unavailable', reason: 'circuit-open' })
    expect(fakes.freg.stats.requests).toBe(asked)
    expect((await fregAuditRows(t.db.db, '0301')).at(-1)?.payload.details).toEqual({
      result: 'unavailable',
      reason: 'circuit-open',
    })
  })
})

describe('configuration problems', () => {
  it('Maskinporten refusing the client (e.g. a scope not granted) is reported as auth', async () => {
    const other = await buildTestApp({
      config: testConfig({ ...fakes.env, MASKINPORTEN_SCOPE: 'folkeregister:noe/annet' }),
    })
    try {
      await activateKommune(other.db.db, '0301')
      const admin = await buildUser(other.db.db, { roles: [{ role: 'admin', kommune: '0301' }] })
      await enableFreg(other.db.db, '0301', admin.id)
      const who = await loginAs(other.app, admin)
      const res = await lookup(who, syntheticNationalId('1985-04-12', 7))
      expect(res.json()).toMatchObject({ code: 'freg-unavailable', reason: 'auth' })
      expect(res.json().detail).toMatch(/Maskinporten/)
    } finally {
      await other.close()
    }
  })

  it('FREG switched off (production without FREG_BASE_URL) answers freg-not-configured', async () => {
    const other = await buildTestApp({ config: testConfig({ FAKE_FREG: 'false' }) })
    try {
      await activateKommune(other.db.db, '0301')
      const admin = await buildUser(other.db.db, { roles: [{ role: 'admin', kommune: '0301' }] })
      await enableFreg(other.db.db, '0301', admin.id)
      const who = await loginAs(other.app, admin)
      expect((await who.inject({ url: '/api/freg/status' })).json()).toMatchObject({
        configured: false,
        enabled: false,
      })
      const res = await lookup(who, FREG_IDS.ordinary)
      expect(res.statusCode).toBe(503)
      expect(res.json().code).toBe('freg-not-configured')
    } finally {
      await other.close()
    }
  })
})
