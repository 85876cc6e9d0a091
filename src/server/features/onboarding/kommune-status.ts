import { FREG_STEPS } from '../../../shared/api/onboarding'
import type { Database } from '../../db/kysely'
import type { Trx } from '../../db/tenant'
import { unprocessable } from '../../http/errors'
import { countRecorded } from './onboarding.queries'

/**
 * Facts about a municipality's onboarding that other features depend on (SPEC §1, §7, §9).
 */

/** True when all four Folkeregister steps are recorded: FREG lookups (§7) may then be made. */
export async function isFolkeregisterEnabled(db: Database | Trx, kommune: string): Promise<boolean> {
  return (await countRecorded(db, kommune, FREG_STEPS)) === FREG_STEPS.length
}

/**
 * Throws 422 'kommune-inactive' unless the municipality is activated. Case-work services call
 * this inside their transaction before registering personal data (SPEC §1: only active
 * municipalities can register personal data).
 */
export async function assertKommuneActive(db: Database | Trx, kommune: string): Promise<void> {
  const row = await db
    .selectFrom('org_units')
    .select('status')
    .where('code', '=', kommune)
    .where('kind', '=', 'kommune')
    .executeTakeFirst()
  if (row?.status !== 'active')
    throw unprocessable(
      'kommune-inactive',
      'Kommunen er ikke aktivert ennå, så personopplysninger kan ikke registreres',
      'Plattformadministratoren aktiverer kommunen når DPIA, ROS-analyse, databehandleravtale og tjenestevedlegg er på plass.',
    )
}
