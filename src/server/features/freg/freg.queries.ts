import { sql } from 'kysely'
import { FREG_ONBOARDING_STEPS } from '../../../shared/api/freg'
import type { Trx } from '../../db/tenant'

/** The Folkeregister onboarding steps (SPEC §9) recorded for a municipality. */
export async function recordedFregSteps(trx: Trx, kommune: string) {
  const rows = await trx
    .selectFrom('onboarding_steps')
    .select('step')
    .where('kommune_code', '=', kommune)
    .where('step', 'in', [...FREG_ONBOARDING_STEPS])
    .execute()
  return rows.map((r) => r.step)
}

/** True when the code is a municipality in the org register (persons.residence_kommune refers to it). */
export async function isKnownKommune(trx: Trx, code: string) {
  const row = await trx
    .selectFrom('org_units')
    .select(sql<number>`1`.as('one'))
    .where('code', '=', code)
    .where('kind', '=', 'kommune')
    .executeTakeFirst()
  return !!row
}

/** The municipality's organisation number (recorded at onboarding), or null. */
export async function kommuneOrgNumber(trx: Trx, kommune: string) {
  const row = await trx
    .selectFrom('org_units')
    .select('org_number')
    .where('code', '=', kommune)
    .where('kind', '=', 'kommune')
    .executeTakeFirst()
  return row?.org_number ?? null
}
