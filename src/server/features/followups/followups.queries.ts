import { type Insertable, type Selectable, sql } from 'kysely'
import { DEFAULT_FOLLOW_UP_CONFIG, DEFAULT_UNREACHED_LIMIT } from '../../../shared/domain/followUps'
import type { Database } from '../../db/kysely'
import type { FollowupCallsTable } from '../../db/schema'
import type { Trx } from '../../db/tenant'

export type CallRow = Selectable<FollowupCallsTable>

export interface Settings {
  scheduleDays: number[]
  includeLastDay: boolean
  unreachedLimit: number
  reminderDaysBefore: number | null
  /** 0: never saved, the defaults apply. */
  version: number
}

export const DEFAULT_SETTINGS: Settings = {
  scheduleDays: [...DEFAULT_FOLLOW_UP_CONFIG.days],
  includeLastDay: DEFAULT_FOLLOW_UP_CONFIG.includeLastDay,
  unreachedLimit: DEFAULT_UNREACHED_LIMIT,
  reminderDaysBefore: 1,
  version: 0,
}

export async function getSettings(trx: Trx, kommune: string): Promise<Settings> {
  const r = await trx
    .selectFrom('followup_settings')
    .selectAll()
    .where('kommune', '=', kommune)
    .executeTakeFirst()
  if (!r) return DEFAULT_SETTINGS
  return {
    scheduleDays: r.schedule_days,
    includeLastDay: r.include_last_day,
    unreachedLimit: r.unreached_limit,
    reminderDaysBefore: r.reminder_days_before,
    version: r.version,
  }
}

/** Saves the settings if `version` is still current (0: first save); false on a stale version. */
export async function saveSettings(trx: Trx, kommune: string, s: Settings, userId: string): Promise<boolean> {
  const values = {
    schedule_days: s.scheduleDays,
    include_last_day: s.includeLastDay,
    unreached_limit: s.unreachedLimit,
    reminder_days_before: s.reminderDaysBefore,
    updated_by: userId,
    updated_at: sql<Date>`now()`,
  }
  if (s.version === 0) {
    const r = await trx
      .insertInto('followup_settings')
      .values({ kommune, ...values })
      .onConflict((oc) => oc.column('kommune').doNothing())
      .executeTakeFirst()
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1
  }
  const r = await trx
    .updateTable('followup_settings')
    .set({ ...values, version: sql`version + 1` })
    .where('kommune', '=', kommune)
    .where('version', '=', s.version)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

/** Calls with the names of the assignee and of who made the call. */
export function callsWithNames(trx: Trx, kommune: string) {
  return trx
    .selectFrom('followup_calls as c')
    .leftJoin('users as a', 'a.id', 'c.assigned_to')
    .leftJoin('users as d', 'd.id', 'c.done_by')
    .selectAll('c')
    .select(['a.name as assigned_name', 'd.name as done_by_name'])
    .where('c.kommune', '=', kommune)
}
export type CallWithNames = Awaited<ReturnType<typeof callsFor>>[number]

export async function callsFor(trx: Trx, kommune: string, measureIds: string[]) {
  if (measureIds.length === 0) return []
  return callsWithNames(trx, kommune)
    .where('c.measure_id', 'in', measureIds)
    .orderBy('c.planned_date')
    .orderBy('c.id')
    .execute()
}

export async function findCall(trx: Trx, { id, kommune }: { id: string; kommune: string }) {
  return callsWithNames(trx, kommune).where('c.id', '=', id).executeTakeFirst()
}

/** The call days a rule set gives for a measure kind; null: the municipality's settings apply. */
export async function ruleSetCallDays(trx: Trx, ruleSetId: string, kind: 'isolation' | 'quarantine') {
  const r = await trx
    .selectFrom('rule_sets')
    .select(['quarantine_call_days', 'isolation_call_days'])
    .where('id', '=', ruleSetId)
    .executeTakeFirst()
  const days = kind === 'quarantine' ? r?.quarantine_call_days : r?.isolation_call_days
  return days?.length ? days : null
}

export async function scheduleState(trx: Trx, measureId: string) {
  return trx
    .selectFrom('followup_calls')
    .select(['id', 'planned_date', 'status'])
    .where('measure_id', '=', measureId)
    .execute()
}

/** Planned calls no longer wanted become 'cancelled' (kept as history, never deleted). */
export async function cancelCalls(trx: Trx, ids: string[], reason: string) {
  if (ids.length === 0) return
  // Only planned calls: a call that was made is history, whatever the schedule says now.
  await trx
    .updateTable('followup_calls')
    .set({
      status: 'cancelled',
      cancelled_at: sql`now()`,
      cancel_reason: reason,
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('id', 'in', ids)
    .where('status', '=', 'planned')
    .execute()
}

export async function insertCalls(trx: Trx, rows: Insertable<FollowupCallsTable>[]) {
  if (rows.length === 0) return
  await trx.insertInto('followup_calls').values(rows).execute()
}

/** Planned late calls of a measure for days before `today` (to close in one action). */
export async function openLateCalls(trx: Trx, kommune: string, measureId: string, today: string) {
  return (
    await trx
      .selectFrom('followup_calls')
      .select('id')
      .where('kommune', '=', kommune)
      .where('measure_id', '=', measureId)
      .where('status', '=', 'planned')
      .where('late', '=', true)
      .where('planned_date', '<', today)
      .execute()
  ).map((r) => r.id)
}

/** Calls made for a measure (for the "ikke nådd" rule). */
export async function doneCalls(trx: Trx, measureId: string) {
  return trx
    .selectFrom('followup_calls')
    .select(['done_at', 'reached'])
    .where('measure_id', '=', measureId)
    .where('status', 'in', ['done', 'not_reached'])
    .execute()
}

/** Users with a casework role in the municipality now (who can be given calls). */
export async function tracersOf(db: Database | Trx, kommune: string, today: string) {
  return db
    .selectFrom('users as u')
    .select(['u.id', 'u.name'])
    .where('u.status', '=', 'active')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_roles as r')
          .whereRef('r.user_id', '=', 'u.id')
          .where('r.kommune_code', '=', kommune)
          .where('r.role', 'in', ['tracer', 'admin'])
          .where('r.revoked_at', 'is', null)
          .where('r.valid_from', '<=', today)
          .where((e) => e.or([e('r.valid_to', 'is', null), e('r.valid_to', '>=', today)])),
      ),
    )
    .orderBy('u.name')
    .execute()
}

export async function subunitsOf(db: Database | Trx, kommune: string) {
  return db
    .selectFrom('org_units')
    .select(['code', 'name'])
    .where('kommune_code', '=', kommune)
    .where('kind', 'in', ['bydel', 'subunit'])
    .where('status', '<>', 'retired')
    .orderBy('name')
    .execute()
}

/** Up to this many calls on the daily worklist; filters narrow it (tracer, sub-unit). */
export const TODAY_LIMIT = 500

export async function dueCalls(
  trx: Trx,
  kommune: string,
  today: string,
  filter: {
    assignedTo?: string | 'none'
    subunit?: string
    needs?: 'any' | 'food' | 'medicine' | 'practical' | 'other'
    symptoms?: boolean
  },
) {
  let q = callsWithNames(trx, kommune)
    .innerJoin('measures as m', 'm.id', 'c.measure_id')
    .innerJoin('persons as p', 'p.id', 'c.person_id')
    // The latest call made for the measure: what the person last said (needs, symptoms).
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('followup_calls as lc')
          .select([
            'lc.done_at as l_at',
            'lc.needs_food as l_food',
            'lc.needs_medicine as l_medicine',
            'lc.needs_practical as l_practical',
            'lc.needs_other as l_other',
            'lc.symptoms as l_symptoms',
          ])
          .whereRef('lc.measure_id', '=', 'c.measure_id')
          .where('lc.status', '=', 'done')
          .orderBy('lc.done_at', 'desc')
          .limit(1)
          .as('l'),
      (join) => join.onTrue(),
    )
    .select(['l.l_at', 'l.l_food', 'l.l_medicine', 'l.l_practical', 'l.l_other', 'l.l_symptoms'])
    .select([
      'm.kind as m_kind',
      'm.start_date as m_start_date',
      'm.end_date as m_end_date',
      'm.case_id as m_case_id',
      'm.contact_id as m_contact_id',
      'm.owner_unit as m_owner_unit',
      'm.unreached_since as m_unreached_since',
      'p.national_id as p_national_id',
      'p.first_name as p_first_name',
      'p.last_name as p_last_name',
      'p.birth_date as p_birth_date',
      'p.phone as p_phone',
      'p.kommune as p_kommune',
    ])
    .where('c.status', '=', 'planned')
    .where('c.planned_date', '<=', today)
    .where('m.status', '<>', 'cancelled')
  if (filter.assignedTo === 'none') q = q.where('c.assigned_to', 'is', null)
  else if (filter.assignedTo) q = q.where('c.assigned_to', '=', filter.assignedTo)
  if (filter.subunit) q = q.where('m.owner_unit', '=', filter.subunit)
  if (filter.needs === 'any')
    q = q.where((eb) =>
      eb.or([
        eb('l.l_food', '=', true),
        eb('l.l_medicine', '=', true),
        eb('l.l_practical', '=', true),
        eb('l.l_other', '=', true),
      ]),
    )
  else if (filter.needs) q = q.where(`l.l_${filter.needs}`, '=', true)
  if (filter.symptoms) q = q.where('l.l_symptoms', '=', true)
  // The oldest TODAY_LIMIT calls are read in index order (planned_date, id) and stop there; only
  // they are sorted by name. Ordering by name in SQL sorted every due call first: 8,000 in Oslo
  // at national scale, each joined to its measure and person (issue 11).
  const rows = await q.orderBy('c.planned_date').orderBy('c.id').limit(TODAY_LIMIT).execute()
  return rows.sort(
    (a, b) =>
      a.planned_date.localeCompare(b.planned_date) ||
      byName.compare(a.p_last_name, b.p_last_name) ||
      byName.compare(a.p_first_name, b.p_first_name) ||
      a.id.localeCompare(b.id),
  )
}
const byName = new Intl.Collator('nb')
export type DueCallRow = Awaited<ReturnType<typeof dueCalls>>[number]

export async function existingCallIds(trx: Trx, kommune: string, ids: string[]) {
  return (
    await trx
      .selectFrom('followup_calls')
      .select('id')
      .where('kommune', '=', kommune)
      .where('id', 'in', ids)
      .execute()
  ).map((r) => r.id)
}

export async function assignCalls(trx: Trx, kommune: string, ids: string[], userId: string | null) {
  if (ids.length === 0) return
  await trx
    .updateTable('followup_calls')
    .set({ assigned_to: userId, version: sql`version + 1`, updated_at: sql`now()` })
    .where('kommune', '=', kommune)
    .where('id', 'in', ids)
    .execute()
}

/**
 * "Symptomer meldt": the latest call per quarantine where the person reported symptoms or a
 * positive test, for contacts that are still contacts (not yet cases) and measures not cancelled.
 */
export async function symptomCalls(trx: Trx, kommune: string) {
  return callsWithNames(trx, kommune)
    .innerJoin('measures as m', 'm.id', 'c.measure_id')
    .innerJoin('contacts as t', 't.id', 'm.contact_id')
    .innerJoin('persons as p', 'p.id', 'c.person_id')
    .select([
      'm.start_date as m_start_date',
      'm.end_date as m_end_date',
      't.id as t_id',
      't.version as t_version',
      'p.national_id as p_national_id',
      'p.first_name as p_first_name',
      'p.last_name as p_last_name',
      'p.birth_date as p_birth_date',
      'p.phone as p_phone',
      'p.kommune as p_kommune',
    ])
    .where('c.status', '=', 'done')
    .where((eb) => eb.or([eb('c.symptoms', '=', true), eb('c.test_result', '=', 'positive')]))
    .where('m.kind', '=', 'quarantine')
    .where('m.status', '<>', 'cancelled')
    .where('t.status', '=', 'active')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('followup_calls as later')
            .select('later.id')
            .whereRef('later.measure_id', '=', 'c.measure_id')
            .where('later.status', '=', 'done')
            .where((e) => e.or([e('later.symptoms', '=', true), e('later.test_result', '=', 'positive')]))
            .whereRef('later.done_at', '>', 'c.done_at'),
        ),
      ),
    )
    .orderBy('c.done_at', 'desc')
    .limit(TODAY_LIMIT)
    .execute()
}
export type SymptomCallRow = Awaited<ReturnType<typeof symptomCalls>>[number]
