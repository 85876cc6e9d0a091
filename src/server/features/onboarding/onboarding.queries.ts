import { sql } from 'kysely'
import { ACTIVATION_STEPS, FREG_STEPS, type OnboardingStep } from '../../../shared/api/onboarding'
import { forgetSessions } from '../../auth/session-cache'
import type { Database } from '../../db/kysely'
import type { Trx } from '../../db/tenant'

type Db = Database | Trx

export interface KommuneRow {
  code: string
  name: string
  fylke_code: string | null
  fylke_name: string | null
  status: 'active' | 'inactive' | 'retired'
  activated_at: Date | null
  org_number: string | null
}

const countSteps = (steps: readonly string[]) =>
  sql<number>`(select count(*)::int from onboarding_steps s
                where s.kommune_code = k.code and s.step in (${sql.join([...steps])}))`

function kommuner(db: Db) {
  return db
    .selectFrom('org_units as k')
    .leftJoin('org_units as f', 'f.code', 'k.fylke_code')
    .select([
      'k.code',
      'k.short_name as name',
      'k.fylke_code',
      'f.short_name as fylke_name',
      'k.status',
      'k.activated_at',
      'k.org_number',
    ])
    .where('k.kind', '=', 'kommune')
}

export async function findKommune(db: Db, code: string, lock = false): Promise<KommuneRow | undefined> {
  return kommuner(db)
    .where('k.code', '=', code)
    .$if(lock, (qb) => qb.forUpdate('k'))
    .executeTakeFirst()
}

export async function listKommuner(
  db: Db,
  f: {
    fylke?: string | undefined
    status?: 'active' | 'inactive' | 'ready' | undefined
    q?: string | undefined
    limit: number
    offset: number
  },
) {
  const activation = countSteps(ACTIVATION_STEPS)
  return kommuner(db)
    .select([
      activation.as('activation_done'),
      countSteps(FREG_STEPS).as('freg_done'),
      sql<number>`count(*) over ()`.as('total'),
    ])
    .$if(!!f.fylke, (qb) => qb.where('k.fylke_code', '=', f.fylke!))
    .$if(f.status === 'active', (qb) => qb.where('k.status', '=', 'active'))
    .$if(f.status === 'inactive', (qb) => qb.where('k.status', '!=', 'active'))
    .$if(f.status === 'ready', (qb) =>
      qb.where('k.status', '!=', 'active').where(activation, '=', ACTIVATION_STEPS.length),
    )
    .$if(!!f.q, (qb) =>
      qb.where((eb) => eb.or([eb('k.name', 'ilike', `%${f.q}%`), eb('k.code', 'like', `${f.q}%`)])),
    )
    .orderBy('k.code')
    .limit(f.limit)
    .offset(f.offset)
    .execute()
}

export async function listSteps(db: Db, kommune: string) {
  return db
    .selectFrom('onboarding_steps as s')
    .leftJoin('users as u', 'u.id', 's.recorded_by')
    .select(['s.step', 's.done_on', 's.note', 's.recorded_at', 'u.name as recorded_by_name'])
    .where('s.kommune_code', '=', kommune)
    .execute()
}

export async function findStep(db: Db, kommune: string, step: OnboardingStep) {
  return db
    .selectFrom('onboarding_steps')
    .select(['step', 'done_on', 'note'])
    .where('kommune_code', '=', kommune)
    .where('step', '=', step)
    .forUpdate()
    .executeTakeFirst()
}

export async function upsertStep(
  db: Db,
  s: { kommune: string; step: OnboardingStep; doneOn: string; note: string | null; by: string },
) {
  const values = { done_on: s.doneOn, note: s.note, recorded_by: s.by, recorded_at: sql<Date>`now()` }
  await db
    .insertInto('onboarding_steps')
    .values({ kommune_code: s.kommune, step: s.step, ...values })
    .onConflict((oc) => oc.columns(['kommune_code', 'step']).doUpdateSet(values))
    .execute()
}

/** Undoing a step removes its row; the audit log keeps what it said and why it was undone. */
export async function deleteStep(db: Db, kommune: string, step: OnboardingStep) {
  await db
    .deleteFrom('onboarding_steps')
    .where('kommune_code', '=', kommune)
    .where('step', '=', step)
    .execute()
}

export async function countRecorded(db: Db, kommune: string, steps: readonly OnboardingStep[]) {
  const row = await db
    .selectFrom('onboarding_steps')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('kommune_code', '=', kommune)
    .where('step', 'in', [...steps])
    .executeTakeFirstOrThrow()
  return row.n
}

export async function findSettings(db: Db, kommune: string) {
  return db.selectFrom('kommune_settings').selectAll().where('kommune_code', '=', kommune).executeTakeFirst()
}

export interface SettingsValues {
  start_date: string | null
  training_date: string | null
  contact_name: string | null
  contact_email: string | null
  contact_phone: string | null
}

/** First save (version 0 in the client): insert, or nothing if someone saved first. */
export async function insertSettings(db: Db, kommune: string, v: SettingsValues) {
  return db
    .insertInto('kommune_settings')
    .values({ kommune_code: kommune, ...v })
    .onConflict((oc) => oc.column('kommune_code').doNothing())
    .returning('version')
    .executeTakeFirst()
}

export async function updateSettings(db: Db, kommune: string, version: number, v: SettingsValues) {
  return db
    .updateTable('kommune_settings')
    .set({ ...v, version: sql`version + 1`, updated_at: sql`now()` })
    .where('kommune_code', '=', kommune)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst()
}

/** Users holding the Administrator role in the municipality today. */
export async function listAdministrators(db: Db, kommune: string) {
  return db
    .selectFrom('user_roles as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['u.id', 'u.name'])
    .distinct()
    .where('r.kommune_code', '=', kommune)
    .where('r.role', '=', 'admin')
    .where('r.revoked_at', 'is', null)
    .where('u.status', '=', 'active')
    .where((eb) => eb.or([eb('r.valid_to', 'is', null), eb('r.valid_to', '>=', sql<string>`current_date`)]))
    .orderBy('u.name')
    .execute()
}

export async function markActive(db: Db, kommune: string) {
  forgetSessions() // a session's memberships carry the municipality's status
  await db
    .updateTable('org_units')
    .set({ status: 'active', activated_at: sql`now()`, version: sql`version + 1`, updated_at: sql`now()` })
    .where('code', '=', kommune)
    .execute()
}

/** The municipality that already has this organisation number, if any other does. */
export async function findKommuneByOrgNumber(db: Db, orgNumber: string, except: string) {
  return db
    .selectFrom('org_units')
    .select(['code', 'short_name as name'])
    .where('org_number', '=', orgNumber)
    .where('code', '!=', except)
    .executeTakeFirst()
}

export async function setOrgNumber(db: Db, code: string, orgNumber: string | null) {
  await db
    .updateTable('org_units')
    .set({ org_number: orgNumber, updated_at: sql`now()` })
    .where('code', '=', code)
    .where('kind', '=', 'kommune')
    .execute()
}
