import type { Trx } from '../db/tenant'
import { AppError } from '../http/errors'

/** Personal data may only be registered in an onboarded (active) municipality (SPEC §1, §9). */
export async function assertKommuneActive(trx: Trx, kommune: string) {
  const row = await trx
    .selectFrom('org_units')
    .select('status')
    .where('code', '=', kommune)
    .executeTakeFirst()
  if (row?.status !== 'active')
    throw new AppError(
      422,
      'kommune-inactive',
      'Kommunen er ikke aktivert ennå. Kontakt plattformadministrator.',
      {
        detail:
          'Personopplysninger kan registreres først når oppstartssjekklisten er fullført og kommunen er aktivert.',
      },
    )
}
