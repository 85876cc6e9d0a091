import { FREG_ONBOARDING_STEPS } from '../../../shared/api/freg'
import type { Database } from '../../db/kysely'
import { addDemoSeedStep } from '../../seed/demo'
import { DEMO_USERS, demoPid } from '../../seed/demo-users'

/**
 * Organisation numbers of the demo municipalities that have delegated the Folkeregister right to
 * the operator in (fake) Altinn. Other municipalities get theirs recorded by the operator, and the
 * fake Maskinporten refuses them until they have delegated.
 */
export const FREG_DEMO_DELEGATIONS = [
  { kommune: '0301', orgNumber: '958935420' },
  { kommune: '4601', orgNumber: '964338531' },
] as const

/**
 * Demo data: Oslo has completed the Folkeregister onboarding, so its tracers can try lookups
 * against the fake FREG; Bergen has not, so the demo also shows what the button says then.
 * Recorded by the demo operator, as in real life; idempotent.
 */
export const FREG_DEMO_KOMMUNE = '0301'

export async function seedDemoFreg(db: Database) {
  const operator = DEMO_USERS.find((u) => u.roles.some((r) => r.role === 'operator'))
  if (!operator) return
  const user = await db
    .selectFrom('users')
    .select('id')
    .where('pid', '=', demoPid(operator.born))
    .executeTakeFirst()
  if (!user) return
  for (const step of FREG_ONBOARDING_STEPS)
    await db
      .insertInto('onboarding_steps')
      .values({
        kommune_code: FREG_DEMO_KOMMUNE,
        step,
        done_on: '2024-01-08',
        recorded_by: user.id,
        note: 'Demodata',
      })
      .onConflict((oc) => oc.columns(['kommune_code', 'step']).doNothing())
      .execute()
}

/** Oslo's and Bergen's organisation numbers, as the operator records them at onboarding. */
export async function seedDemoOrgNumbers(db: Database) {
  for (const d of FREG_DEMO_DELEGATIONS)
    await db
      .updateTable('org_units')
      .set({ org_number: d.orgNumber })
      .where('code', '=', d.kommune)
      .where('org_number', 'is', null)
      .execute()
}

addDemoSeedStep({ version: 4, run: seedDemoFreg })
addDemoSeedStep({ version: 40, run: seedDemoOrgNumbers })
