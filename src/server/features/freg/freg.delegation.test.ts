import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inTenant } from '../../db/tenant'
import { FREG_IDS } from '../../fakes/freg/fixture-ids'
import { buildTestApp, testConfig } from '../../test/app'
import { activateKommune, buildUser, type LoggedIn, loginAs } from '../../test/factories'
import { enableFreg, fregAuditRows, startFakesWithClient, TEST_ORG_NUMBERS } from './test-support'

/**
 * Folkeregister on behalf of each municipality: the operator records the organisation number,
 * each lookup's Maskinporten grant names it as `consumer_org`, tokens are cached per municipality,
 * and (fake) Maskinporten refuses a municipality that has not delegated the right in Altinn.
 */
const TRONDHEIM = { code: '5001', orgNumber: '942110464' }

let fakes: Awaited<ReturnType<typeof startFakesWithClient>>
let t: Awaited<ReturnType<typeof buildTestApp>>
let operator: LoggedIn
let oslo: LoggedIn
let bergen: LoggedIn
let trondheim: LoggedIn

beforeAll(async () => {
  fakes = await startFakesWithClient()
  // A generous timeout: this file tests delegation, not slowness (freg.test.ts does that).
  t = await buildTestApp({ config: testConfig({ ...fakes.env, FREG_TIMEOUT_MS: '15000' }) })
  const op = await buildUser(t.db.db, { roles: [{ role: 'operator' }] })
  operator = await loginAs(t.app, op)
  for (const k of ['0301', '4601', TRONDHEIM.code]) await activateKommune(t.db.db, k)
  await enableFreg(t.db.db, '0301', op.id)
  await enableFreg(t.db.db, '4601', op.id)
  await enableFreg(t.db.db, TRONDHEIM.code, op.id, undefined, null)
  const tracer = async (kommune: string) =>
    loginAs(t.app, await buildUser(t.db.db, { roles: [{ role: 'tracer', kommune }] }))
  oslo = await tracer('0301')
  bergen = await tracer('4601')
  trondheim = await tracer(TRONDHEIM.code)
})
afterAll(async () => {
  await t.close()
  await fakes.close()
})

const lookup = (who: LoggedIn) =>
  who.inject({ method: 'POST', url: '/api/freg/lookup', payload: { nationalId: FREG_IDS.ordinary } })
const setOrgNumber = (who: LoggedIn, code: string, orgNumber: string) =>
  who.inject({ method: 'PUT', url: `/api/onboarding/kommuner/${code}/org-number`, payload: { orgNumber } })

describe('the organisation number, recorded by the operator', () => {
  it('only the operator may record it', async () => {
    expect((await setOrgNumber(trondheim, TRONDHEIM.code, TRONDHEIM.orgNumber)).statusCode).toBe(403)
  })

  it('400 with a Norwegian message for a wrong number, and for one another municipality has', async () => {
    const bad = await setOrgNumber(operator, TRONDHEIM.code, '942110465')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().errors).toEqual([
      { path: 'body.orgNumber', message: 'Organisasjonsnummeret har feil kontrollsiffer' },
    ])
    const taken = await setOrgNumber(operator, TRONDHEIM.code, TEST_ORG_NUMBERS['0301']!)
    expect(taken.statusCode).toBe(400)
    expect(taken.json().errors[0].message).toBe('Organisasjonsnummeret er allerede registrert på Oslo')
  })

  it('without it, lookups are refused and the status says what is missing', async () => {
    const status = (await trondheim.inject({ url: '/api/freg/status' })).json()
    expect(status).toMatchObject({ enabled: false, missingSteps: ['freg_org_number'] })
    const res = await lookup(trondheim)
    expect(res.statusCode).toBe(422)
    expect(res.json()).toMatchObject({ code: 'freg-disabled', missingSteps: ['freg_org_number'] })
    expect(res.json().detail).toContain('organisasjonsnummer')
  })

  it('is saved with spaces removed, shown in the checklist and audited in the municipality', async () => {
    const res = await setOrgNumber(operator, TRONDHEIM.code, '942 110 464')
    expect(res.statusCode).toBe(200)
    expect(res.json().kommune.orgNumber).toBe(TRONDHEIM.orgNumber)
    const audit = await inTenant(t.db.db, { kommune: TRONDHEIM.code }, (trx) =>
      trx
        .selectFrom('audit_log')
        .select(['kommune', 'record_id'])
        .where('action', '=', 'onboarding.org-number')
        .execute(),
    )
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ kommune: TRONDHEIM.code, record_id: TRONDHEIM.code })
  })
})

describe('lookups on behalf of the municipality', () => {
  it('asks Maskinporten for a token with consumer_org, one per municipality, each cached', async () => {
    const before = fakes.maskinporten.stats.issuedFor.length
    expect((await lookup(oslo)).statusCode).toBe(200)
    expect((await lookup(oslo)).statusCode).toBe(200)
    expect((await lookup(bergen)).statusCode).toBe(200)
    expect(fakes.maskinporten.stats.issuedFor.slice(before)).toEqual([
      TEST_ORG_NUMBERS['0301'],
      TEST_ORG_NUMBERS['4601'],
    ])
  })

  it('a municipality that has not delegated is refused by Maskinporten, with a clear message', async () => {
    const res = await lookup(trondheim)
    expect(res.statusCode).toBe(422)
    expect(res.json()).toMatchObject({
      code: 'freg-not-delegated',
      title: 'Kommunen har ikke delegert tilgang til Folkeregisteret',
      reason: 'not-delegated',
    })
    expect(res.json().detail).toMatch(/delegert til plattformoperatøren i Altinn.*manuelt/)
    expect(fakes.maskinporten.stats.refused.at(-1)).toMatch(/Consumer 942110464 has not delegated/)
    const rows = await fregAuditRows(t.db.db, TRONDHEIM.code)
    expect(rows.at(-1)).toMatchObject({
      user_id: trondheim.user.id,
      payload: { outcome: 'denied', details: { result: 'not-delegated' } },
    })
    // Oslo is unaffected: its token and lookups go on.
    expect((await lookup(oslo)).statusCode).toBe(200)
  })
})
