import { buildUser, type LoggedIn, loginAs } from '../../test/factories'
import { addContact, caseworkFixture, day } from '../cases/casework.fixtures'

/**
 * Case-work fixture plus a national operator, and rule sets around today so measures started now
 * get computed dates (the documented history ends in February 2022 with no duties):
 *   no-2022-02-12 (no duties) … day(-31) · test-a 14 days quarantine, 10 isolation, day(-30)–day(-6)
 *   · test-b 10 days quarantine with test-out on day 7, 7 days isolation, from day(-5).
 */
export async function measuresFixture() {
  const f = await caseworkFixture()
  const operator = await loginAs(
    f.t.app,
    await buildUser(f.t.db.db, { name: 'Olga Operatør', roles: [{ role: 'operator' }] }),
  )
  await addCurrentRuleSets(operator)
  return { ...f, operator }
}
export type MeasuresFixture = Awaited<ReturnType<typeof measuresFixture>>

export async function addCurrentRuleSets(operator: LoggedIn) {
  const last = (await operator.inject({ url: '/api/rulesets' }))
    .json()
    .items.find((r: { id: string }) => r.id === 'no-2022-02-12')
  await expectOk(
    operator.inject({
      method: 'PUT',
      url: '/api/rulesets/no-2022-02-12',
      payload: { ...pick(last), validTo: day(-31), version: last.version },
    }),
  )
  await expectOk(
    operator.inject({
      method: 'POST',
      url: '/api/rulesets',
      payload: {
        id: 'test-a',
        name: 'Testregler A (14 døgn)',
        validFrom: day(-30),
        validTo: day(-6),
        source: 'Testregler for automatiske tester',
        quarantine: { days: 14, testOutDay: null },
        isolation: { days: 10 },
      },
    }),
  )
  await expectOk(
    operator.inject({
      method: 'POST',
      url: '/api/rulesets',
      payload: {
        id: 'test-b',
        name: 'Testregler B (10 døgn)',
        validFrom: day(-5),
        validTo: null,
        source: 'Testregler for automatiske tester',
        quarantine: { days: 10, testOutDay: 7 },
        isolation: { days: 7 },
      },
    }),
  )
}

const pick = (r: Record<string, unknown>) => ({
  name: r.name,
  validFrom: r.validFrom,
  validTo: r.validTo,
  source: r.source,
  quarantine: r.quarantine,
  isolation: r.isolation,
})

async function expectOk(res: Promise<{ statusCode: number; body: string }>) {
  const r = await res
  if (r.statusCode !== 200) throw new Error(`fixture: ${r.statusCode} ${r.body}`)
}

/** A contact of a new case with the given last exposure, and its quarantine started through the API. */
export async function quarantinedContact(who: LoggedIn, caseId: string, lastExposure: string) {
  const contact = await addContact(who, caseId, { lastExposure })
  const res = await who.inject({
    method: 'POST',
    url: '/api/measures',
    payload: { kind: 'quarantine', contactId: contact.contactId },
  })
  if (res.statusCode !== 200) throw new Error(`quarantine: ${res.statusCode} ${res.body}`)
  return { contact, measure: res.json() }
}
