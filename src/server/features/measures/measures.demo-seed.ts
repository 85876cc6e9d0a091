import { addDaysOslo } from '../../../shared/domain/dates'
import type { Database } from '../../db/kysely'
import { inTenant } from '../../db/tenant'
import { addDemoSeedStep } from '../../seed/demo'
import { todayOslo } from './clock'

/**
 * Demo data: the documented national rules end in February 2022 with no duties, so in the demo
 * (synthetic data, `npm start`) nothing could be computed for today's contacts. This adds practice
 * rules from 60 days before the first start and closes the last documented set the day before, as
 * the operator would. Never in production: demo seeding is off there.
 */
export const DEMO_RULE_SET_ID = 'demo-ovelse'

export async function seedDemoRuleSet(db: Database, today = todayOslo()) {
  const from = addDaysOslo(today, -60)
  await inTenant(db, { kommune: null }, async (trx) => {
    if (await trx.selectFrom('rule_sets').select('id').where('id', '=', DEMO_RULE_SET_ID).executeTakeFirst())
      return
    await trx
      .updateTable('rule_sets')
      .set({ valid_to: addDaysOslo(from, -1), version: (eb) => eb('version', '+', 1) })
      .where('id', '=', 'no-2022-02-12')
      .where('valid_to', 'is', null)
      .execute()
    await trx
      .insertInto('rule_sets')
      .values({
        id: DEMO_RULE_SET_ID,
        name: 'Øvingsregler (demo): karantene 10 døgn, isolasjon 7 døgn',
        valid_from: from,
        valid_to: null,
        quarantine_days: 10,
        quarantine_test_out_day: 7,
        isolation_days: 7,
        source: 'Bare for demo og opplæring i testmiljøet – ikke nasjonale regler.',
      })
      .execute()
    const row = await trx
      .selectFrom('rule_sets')
      .selectAll()
      .where('id', '=', DEMO_RULE_SET_ID)
      .executeTakeFirstOrThrow()
    const { created_at: _c, updated_at: _u, ...snapshot } = row
    await trx
      .insertInto('rule_set_history')
      .values({ rule_set_id: row.id, version: 1, change: 'create', snapshot: JSON.stringify(snapshot) })
      .execute()
  })
}

addDemoSeedStep({ version: 5, run: (db) => seedDemoRuleSet(db) })
