import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { exportPKCS8, generateKeyPair } from 'jose'
import { FREG_ONBOARDING_STEPS } from '../../../shared/api/freg'
import type { Database } from '../../db/kysely'
import { inTenant } from '../../db/tenant'
import { FREG_SCOPE, startFregFakes } from '../../fakes/freg'
import { buildTestApp, testConfig } from '../../test/app'
import { activateKommune, buildUser, loginAs } from '../../test/factories'
import { FREG_DEMO_DELEGATIONS } from './freg.demo-seed'

/**
 * For tests: the fake Maskinporten and fake FREG on their own port, with a client whose private
 * key is written to a temp file — so the app is configured exactly like against the real services
 * (FREG_BASE_URL, MASKINPORTEN_*), and every byte goes over HTTP.
 */
export async function startFakesWithClient(
  o: {
    slowMs?: number
    tokenTtlSeconds?: number
    scopes?: string[]
    /** Organisation numbers that have delegated the FREG scope to the client (default Oslo, Bergen). */
    delegatedBy?: string[]
  } = {},
) {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true })
  const dir = mkdtempSync(path.join(tmpdir(), 'smittespor-freg-'))
  const keyFile = path.join(dir, 'maskinporten.pem')
  writeFileSync(keyFile, await exportPKCS8(privateKey), { mode: 0o600 })
  const client = { clientId: 'smittespor-test', kid: 'test-key-1', orgNo: '999888777' }
  const delegatedBy = o.delegatedBy ?? FREG_DEMO_DELEGATIONS.map((d) => d.orgNumber)
  const fakes = await startFregFakes({
    clients: [{ ...client, publicKey, scopes: o.scopes ?? [FREG_SCOPE] }],
    delegations: delegatedBy.map((consumerOrg) => ({
      consumerOrg,
      supplierOrg: client.orgNo,
      scope: FREG_SCOPE,
    })),
    ...(o.slowMs ? { slowMs: o.slowMs } : {}),
    ...(o.tokenTtlSeconds ? { tokenTtlSeconds: o.tokenTtlSeconds } : {}),
  })
  return {
    ...fakes,
    client,
    privateKey,
    keyFile,
    env: {
      FREG_BASE_URL: fakes.fregBaseUrl,
      MASKINPORTEN_ISSUER: fakes.issuer,
      MASKINPORTEN_CLIENT_ID: client.clientId,
      MASKINPORTEN_KEY_FILE: keyFile,
      MASKINPORTEN_KID: client.kid,
    } as Record<string, string>,
    async close() {
      await fakes.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** The organisation numbers tests record: Oslo's and Bergen's (the fakes' delegations). */
export const TEST_ORG_NUMBERS: Record<string, string> = Object.fromEntries(
  FREG_DEMO_DELEGATIONS.map((d) => [d.kommune, d.orgNumber]),
)

/**
 * Records the four Folkeregister onboarding steps and the organisation number for a municipality
 * (as the operator would).
 */
export async function enableFreg(
  db: Database,
  kommune: string,
  recordedBy: string,
  steps: readonly (typeof FREG_ONBOARDING_STEPS)[number][] = FREG_ONBOARDING_STEPS,
  orgNumber: string | null = TEST_ORG_NUMBERS[kommune] ?? null,
) {
  if (orgNumber)
    await db.updateTable('org_units').set({ org_number: orgNumber }).where('code', '=', kommune).execute()
  for (const step of steps)
    await db
      .insertInto('onboarding_steps')
      .values({ kommune_code: kommune, step, done_on: '2024-01-02', recorded_by: recordedBy, note: null })
      .onConflict((oc) => oc.columns(['kommune_code', 'step']).doNothing())
      .execute()
}

/** The freg.lookup audit rows of a municipality, oldest first. */
export async function fregAuditRows(db: Database, kommune: string) {
  const rows = await inTenant(db, { kommune }, (trx) =>
    trx
      .selectFrom('audit_log')
      .select(['payload', 'record_id', 'person_id', 'user_id'])
      .where('action', '=', 'freg.lookup')
      .orderBy('id')
      .execute(),
  )
  return rows.map((r) => ({
    ...r,
    payload: r.payload as { outcome: string; details: Record<string, unknown> },
  }))
}

/**
 * The app with the FREG fakes, FREG enabled in Oslo and Bergen, and a tracer logged in in each:
 * the setup of the FREG API tests. Call `close` in afterAll.
 */
export async function fregTwoKommuner() {
  const fakes = await startFakesWithClient()
  const t = await buildTestApp({ config: testConfig({ ...fakes.env, FREG_TIMEOUT_MS: '1500' }) })
  await activateKommune(t.db.db, '0301')
  await activateKommune(t.db.db, '4601')
  const operator = await buildUser(t.db.db, { roles: [{ role: 'operator' }] })
  await enableFreg(t.db.db, '0301', operator.id)
  await enableFreg(t.db.db, '4601', operator.id)
  const oslo = await loginAs(
    t.app,
    await buildUser(t.db.db, { roles: [{ role: 'tracer', kommune: '0301' }] }),
  )
  const bergen = await loginAs(
    t.app,
    await buildUser(t.db.db, { roles: [{ role: 'tracer', kommune: '4601' }] }),
  )
  return {
    fakes,
    t,
    oslo,
    bergen,
    async close() {
      await t.close()
      await fakes.close()
    },
  }
}
