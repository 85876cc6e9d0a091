import { sql } from 'kysely'
import { ACTIVATION_STEPS } from '../../shared/api/onboarding'
import { addDaysOslo } from '../../shared/domain/dates'
import type { Database } from '../db/kysely'
import { inTenant, type Trx } from '../db/tenant'
import { syncSchedule } from '../features/followups/followups.schedule'
import { todayOslo } from '../features/measures/clock'
import { DEMO_RULE_SET_ID } from '../features/measures/measures.demo-seed'
import { addDemoSeedStep } from './demo'
import { DEMO_USERS, demoPid } from './demo-users'
import { prng } from './names'

/**
 * Demo = training environment (issue 26): turns the seeded case work into a working day relative
 * to `today`. Oslo's and Bergen's onboarding checklists are recorded (they are active); contacts
 * and cases are registered on the days of their exposures and tests; contacts that became cases;
 * people in isolation and quarantine now, with follow-up calls due today and overdue; an active
 * outbreak; a transfer from Bergen waiting in Oslo's inbox. Idempotent per data directory: it runs
 * once as a demo seed step.
 */
export async function seedDemoWorkday(db: Database, today = todayOslo()) {
  await recordOnboarding(db)
  for (const [i, kommune] of ['0301', '4601'].entries())
    await inTenant(db, { kommune }, (trx) => workday(trx, kommune, today, prng(4242 + i)))
  await inTenant(db, { kommune: '4601' }, (trx) => waitingTransfer(trx, today))
}

/** The operator recorded the four activation documents before Oslo and Bergen were activated. */
async function recordOnboarding(db: Database) {
  const operator = DEMO_USERS.find((u) => u.roles.some((r) => r.role === 'operator'))
  if (!operator) return
  const user = await db
    .selectFrom('users')
    .select('id')
    .where('pid', '=', demoPid(operator.born))
    .executeTakeFirst()
  if (!user) return
  for (const kommune of ['0301', '4601'])
    for (const step of ACTIVATION_STEPS)
      await db
        .insertInto('onboarding_steps')
        .values({
          kommune_code: kommune,
          step,
          done_on: '2024-01-08',
          recorded_by: user.id,
          note: 'Demodata',
        })
        .onConflict((oc) => oc.columns(['kommune_code', 'step']).doNothing())
        .execute()
}

const at = (date: string, hour: number) => sql<Date>`(${date}::date + make_interval(hours => ${hour}))`

async function workday(trx: Trx, kommune: string, today: string, r: ReturnType<typeof prng>) {
  // Registered on the day of the result / the day after the exposure, not all "now".
  await trx
    .updateTable('cases')
    .set({ created_at: sql`coalesce(result_date, test_date, current_date) + interval '10 hours'` })
    .where('kommune', '=', kommune)
    .execute()
  await trx
    .updateTable('contacts')
    .set({ created_at: sql`coalesce(last_exposure + 1, current_date) + interval '13 hours'` })
    .where('kommune', '=', kommune)
    .execute()

  // Contacts that became cases: exposed 3–8 days ago, positive test yesterday or the day before.
  const converts = await trx
    .selectFrom('contacts as t')
    .innerJoin('cases as c', 'c.id', 't.case_id')
    .select(['t.id', 't.person_id', 't.last_exposure', 'c.assigned_to'])
    .where('t.kommune', '=', kommune)
    .where('t.status', '=', 'active')
    .where('t.last_exposure', '>=', addDaysOslo(today, -8))
    .where('t.last_exposure', '<=', addDaysOslo(today, -3))
    .orderBy('t.last_exposure')
    .orderBy('t.id')
    .limit(3)
    .execute()
  for (const [n, t] of converts.entries()) {
    const testDate = addDaysOslo(today, -1 - (n % 2))
    const c = await trx
      .insertInto('cases')
      .values({
        kommune,
        owner_unit: kommune,
        person_id: t.person_id,
        test_date: testDate,
        test_type: 'pcr',
        result_date: testDate,
        symptomatic: true,
        onset_date: addDaysOslo(testDate, -1),
        infection_source: 'contact',
        exposure_setting: 'household',
        interview_status: n === 0 ? 'not_started' : 'in_progress',
        assigned_to: t.assigned_to,
        source_contact_id: t.id,
        created_at: at(testDate, 11),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await trx
      .updateTable('contacts')
      .set({ status: 'became_case', became_case_id: c.id, version: sql`version + 1` })
      .where('id', '=', t.id)
      .execute()
  }

  // An active outbreak: a workplace party a week ago with three of the recent cases.
  const recent = await trx
    .selectFrom('cases')
    .select(['id', 'person_id', 'test_date'])
    .where('kommune', '=', kommune)
    .where('status', '=', 'open')
    .where('source_contact_id', 'is', null)
    .where('test_date', '>=', addDaysOslo(today, -6))
    .orderBy('test_date')
    .orderBy('id')
    .limit(3)
    .execute()
  if (recent.length > 0) {
    const startDay = addDaysOslo(today, -8)
    const ev = await trx
      .insertInto('events')
      .values({
        kommune,
        owner_unit: kommune,
        name: kommune === '0301' ? 'Julebord hos Byggmester Hansen AS' : 'Korøvelse i Domkirken',
        exposure_setting: kommune === '0301' ? 'workplace' : 'organised_leisure',
        location: kommune === '0301' ? 'Kantina, 3. etasje' : 'Menighetssalen',
        address: kommune === '0301' ? 'Storgata 12, 0155 Oslo' : 'Kong Oscars gate 22, 5017 Bergen',
        event_kommune: kommune,
        starts_at: at(startDay, 18),
        ends_at: at(startDay, 23),
        organiser_name: 'Demo Arrangør',
        organiser_phone: '91234567',
        outbreak: true,
        outbreak_declared_at: at(addDaysOslo(today, -3), 9),
        common_source: 'Samme arrangement',
        created_at: at(addDaysOslo(today, -3), 9),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    for (const c of recent)
      await trx
        .insertInto('event_participants')
        .values({
          kommune,
          event_id: ev.id,
          person_id: c.person_id,
          role: 'case',
          case_id: c.id,
          exposure_at: at(startDay, 19),
        })
        .execute()
  }

  // Isolation for open cases tested in the last week; quarantine for contacts exposed in the last
  // ten days (the demo rule set: isolation 7, quarantine 10 days).
  const isolations = await trx
    .selectFrom('cases')
    .select(['id', 'person_id', 'test_date', 'assigned_to'])
    .where('kommune', '=', kommune)
    .where('status', '=', 'open')
    .where('test_date', '>=', addDaysOslo(today, -6))
    .execute()
  const quarantines = await trx
    .selectFrom('contacts as t')
    .innerJoin('cases as c', 'c.id', 't.case_id')
    .select(['t.id', 't.person_id', 't.last_exposure', 'c.assigned_to'])
    .where('t.kommune', '=', kommune)
    .where('t.status', '=', 'active')
    .where('t.last_exposure', '>=', addDaysOslo(today, -9))
    .execute()
  const plans = [
    ...isolations.map((c) => ({
      kind: 'isolation' as const,
      person: c.person_id,
      caseId: c.id,
      contactId: null,
      basis: 'test' as const,
      start: c.test_date!,
      end: addDaysOslo(c.test_date!, 7),
      tracer: c.assigned_to,
    })),
    ...quarantines.map((t) => ({
      kind: 'quarantine' as const,
      person: t.person_id,
      caseId: null,
      contactId: t.id,
      basis: 'last-exposure' as const,
      start: t.last_exposure!,
      end: addDaysOslo(t.last_exposure!, 10),
      tracer: t.assigned_to,
    })),
  ]
  const yesterday = addDaysOslo(today, -1)
  for (const p of plans) {
    const m = await trx
      .insertInto('measures')
      .values({
        kommune,
        owner_unit: kommune,
        person_id: p.person,
        kind: p.kind,
        case_id: p.caseId,
        contact_id: p.contactId,
        rule_set_id: DEMO_RULE_SET_ID,
        basis: p.basis,
        basis_date: p.start,
        computed_start: p.start,
        computed_end: p.end,
        explanation:
          p.kind === 'isolation'
            ? 'Isolasjon 7 døgn fra testdato'
            : 'Karantene 10 døgn fra siste eksponering',
        start_date: p.start,
        end_date: p.end,
        status: 'active',
        created_at: at(p.start, 12),
      })
      .returning([
        'id',
        'kommune',
        'person_id',
        'start_date',
        'end_date',
        'exempt_from',
        'status',
        'end_reason',
        'kind',
        'rule_set_id',
      ])
      .executeTakeFirstOrThrow()
    if (p.caseId)
      await trx.updateTable('cases').set({ isolation_end: p.end }).where('id', '=', p.caseId).execute()
    await syncSchedule(trx, m, p.start)
    await trx
      .updateTable('followup_calls')
      .set({ assigned_to: p.tracer })
      .where('measure_id', '=', m.id)
      .execute()
    // Calls before yesterday were made; yesterday's were made for some (the rest are overdue).
    const madeUntil = r.chance(0.5) ? yesterday : addDaysOslo(today, -2)
    await trx
      .updateTable('followup_calls')
      .set({
        status: 'done',
        done_at: sql`planned_date + interval '11 hours'`,
        done_by: p.tracer,
        reached: true,
        symptoms: p.kind === 'isolation',
        version: sql`version + 1`,
      })
      .where('measure_id', '=', m.id)
      .where('planned_date', '<=', madeUntil)
      .execute()
  }
}

/** Bergen hands an active contact who lives in Oslo over to Oslo; it waits in Oslo's inbox. */
async function waitingTransfer(trx: Trx, today: string) {
  const t = await trx
    .selectFrom('contacts as t')
    .innerJoin('persons as p', 'p.id', 't.person_id')
    .select([
      't.id',
      't.person_id',
      't.last_exposure',
      'p.first_name',
      'p.last_name',
      'p.birth_date',
      'p.phone',
    ])
    .where('t.kommune', '=', '4601')
    .where('t.status', '=', 'active')
    .orderBy('t.last_exposure', 'desc')
    .orderBy('t.id')
    .executeTakeFirst()
  if (!t) return
  await trx
    .insertInto('transfers')
    .values({
      from_kommune: '4601',
      to_kommune: '0301',
      record_type: 'contact',
      record_id: t.id,
      person_id: t.person_id,
      message: 'Nærkontakten bor i Oslo under karantenen. Kan dere ta over oppfølgingen?',
      summary: sql`${JSON.stringify({
        firstName: t.first_name,
        lastName: t.last_name,
        birthDate: t.birth_date,
        phone: t.phone,
        testDate: null,
        onsetDate: null,
        exposureDate: t.last_exposure,
      })}::jsonb`,
      created_at: at(today, 8),
    })
    .execute()
}

addDemoSeedStep({ version: 120, run: (db) => seedDemoWorkday(db) })
