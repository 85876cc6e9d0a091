import { EXPOSURE_SETTINGS } from '../../shared/api/codes'
import type { Database } from '../db/kysely'
import { inTenant, type Trx } from '../db/tenant'
import { insertPersonUnlessIdTaken } from '../features/persons/persons.queries'
import { FIRST_NAMES, LAST_NAMES, prng, STREETS } from './names'
import { syntheticNationalId } from './synthetic-id'

const iso = (d: Date) => d.toISOString().slice(0, 10)
const daysAgo = (today: Date, n: number) => iso(new Date(today.getTime() - n * 86_400_000))

/**
 * Demo case work for the two demo municipalities: ~100 persons each, ~25 index cases over the
 * last six weeks, 3 contacts per case (households share an address), a few contacts that became
 * cases. Synthetic ids only. Dates are relative to the day of seeding so worklists look current.
 */
export async function seedDemoCasework(db: Database, today = new Date()) {
  for (const [i, kommune] of ['0301', '4601'].entries()) {
    const tracers = await db
      .selectFrom('user_roles')
      .select('user_id')
      .where('kommune_code', '=', kommune)
      .where('role', '=', 'tracer')
      .where('revoked_at', 'is', null)
      .execute()
    await inTenant(db, { kommune }, (trx) =>
      seedKommune(
        trx,
        kommune,
        tracers.map((t) => t.user_id),
        prng(2021 + i),
        today,
      ),
    )
  }
}

async function seedKommune(
  trx: Trx,
  kommune: string,
  tracers: string[],
  r: ReturnType<typeof prng>,
  today: Date,
) {
  let seq = kommune === '0301' ? 0 : 500
  const newPerson = async (lastName: string, street: string, postcode: string, withId: boolean) => {
    const born = `${r.int(1940, 2018)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`
    // Through insertPersonUnlessIdTaken: the view `persons` (migration 0050) cannot take ON CONFLICT.
    const row = await insertPersonUnlessIdTaken(trx, {
      kommune,
      owner_unit: kommune,
      national_id: withId ? syntheticNationalId(born, seq++ % 40) : null,
      id_type: withId ? 'tnr' : null,
      first_name: r.pick(FIRST_NAMES),
      last_name: lastName,
      birth_date: born,
      phone: `9${r.int(1000000, 9999999)}`,
      street,
      postcode,
      place: kommune === '0301' ? 'Oslo' : 'Bergen',
      residence_kommune: kommune,
    })
    return row?.id
  }
  for (let c = 0; c < 25; c++) {
    const lastName = r.pick(LAST_NAMES)
    const street = `${r.pick(STREETS)} ${r.int(1, 120)}`
    const postcode =
      kommune === '0301' ? `0${r.int(150, 990)}` : `5${r.int(0, 200).toString().padStart(3, '0')}`
    const indexId = await newPerson(lastName, street, postcode, true)
    if (!indexId) continue
    const testAgo = r.int(0, 42)
    const symptomatic = r.chance(0.7)
    const caseRow = await trx
      .insertInto('cases')
      .values({
        kommune,
        owner_unit: kommune,
        person_id: indexId,
        test_date: daysAgo(today, testAgo),
        test_type: r.pick(['pcr', 'pcr', 'antigen'] as const),
        result_date: daysAgo(today, Math.max(0, testAgo - 1)),
        symptomatic,
        onset_date: symptomatic ? daysAgo(today, testAgo + r.int(0, 3)) : null,
        infection_source: r.pick(['contact', 'event', 'travel', 'unknown'] as const),
        exposure_setting: r.pick(EXPOSURE_SETTINGS).code,
        interview_status: testAgo > 3 ? 'done' : r.pick(['not_started', 'in_progress'] as const),
        assigned_to: r.chance(0.75) && tracers.length > 0 ? r.pick(tracers) : null,
        status: testAgo > 21 ? 'closed' : 'open',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    for (let k = 0; k < 3; k++) {
      const household = k === 0
      const personId = await newPerson(
        household ? lastName : r.pick(LAST_NAMES),
        household ? street : `${r.pick(STREETS)} ${r.int(1, 90)}`,
        postcode,
        r.chance(0.8),
      )
      if (!personId) continue
      await trx
        .insertInto('contacts')
        .values({
          kommune,
          owner_unit: kommune,
          person_id: personId,
          case_id: caseRow.id,
          relation: household ? 'household' : r.pick(['colleague', 'friend', 'family', 'classmate'] as const),
          exposure_setting: household ? 'household' : r.pick(EXPOSURE_SETTINGS).code,
          exposure_types: household ? ['same_household'] : ['close_15min'],
          household,
          last_exposure: daysAgo(today, testAgo + r.int(0, 2)),
          notified_at: r.chance(0.7) ? daysAgo(today, Math.max(0, testAgo - 1)) : null,
          status: testAgo > 14 ? 'finished' : 'active',
        })
        .execute()
    }
  }
}
