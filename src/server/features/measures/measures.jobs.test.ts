import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { inTenant } from '../../db/tenant'
import { runJob, total } from '../../jobs/test-helpers'
import { createCase, day } from '../cases/casework.fixtures'
import { queueReminders, sendDue } from '../outbox/outbox.jobs'
import { configureOutboxTransport, type OutgoingMessage } from '../outbox/outbox.transport'
import { type MeasuresFixture, measuresFixture, quarantinedContact } from './measures.fixtures'
import { followUpGenerateJob, followUpUnreachedJob, measureStatusJob } from './measures.jobs'

let f: MeasuresFixture
let caseId: string
beforeAll(async () => {
  f = await measuresFixture()
  caseId = (await createCase(f.oslo)).id
})
afterAll(() => f.t.close())
afterEach(() => configureOutboxTransport(null))

const oslo = <T>(fn: Parameters<typeof inTenant<T>>[2]) => inTenant(f.t.db.db, { kommune: '0301' }, fn)
const calls = (measureId: string) =>
  oslo((trx) =>
    trx
      .selectFrom('followup_calls')
      .select(['planned_date', 'status'])
      .where('measure_id', '=', measureId)
      .orderBy('planned_date')
      .execute(),
  )

describe('followups.generate', () => {
  it('regenerates schedules after a settings change, keeps calls made, and runs once per due time', async () => {
    const { measure } = await quarantinedContact(f.oslo, caseId, day(-3))
    const [first] = measure.calls
    await f.oslo.inject({
      method: 'POST',
      url: `/api/followups/${first.id}/record`,
      payload: { version: 1, reached: true },
    })
    const saved = await f.osloAdmin.inject({
      method: 'PUT',
      url: '/api/followups/settings',
      payload: {
        scheduleDays: [5, 6],
        includeLastDay: false,
        unreachedLimit: 3,
        reminderDaysBefore: 1,
        version: 0,
      },
    })
    expect(saved.statusCode).toBe(200)
    // Queued twice at the same moment (two instances' clocks): one run, one job per municipality.
    const jobs = f.t.app.deps.jobs
    const queued = await Promise.all([
      jobs.trigger(followUpGenerateJob.name),
      jobs.trigger(followUpGenerateJob.name),
    ])
    expect(queued.filter((id) => id !== null)).toHaveLength(1)
    const ran = await jobs.drain([followUpGenerateJob.name])
    expect(ran[0]).toMatchObject({ data: {}, result: { kommuner: 2, queued: 2 } })
    expect(ran.slice(1).map((r) => r.data.kommune)).toEqual(['0301', '4601'])
    expect(total(ran.slice(1), 'measures')).toBe(1)
    // The first call (day 1, planned late at registration) was made; the job plans no past days
    // and cancels (keeps) the planned calls the new settings no longer want.
    expect(await calls(measure.id)).toEqual([
      { planned_date: day(-2), status: 'done' },
      { planned_date: day(0), status: 'cancelled' },
      { planned_date: day(2), status: 'planned' },
      { planned_date: day(3), status: 'planned' },
      { planned_date: day(4), status: 'cancelled' },
      { planned_date: day(7), status: 'cancelled' },
    ])
    expect(await jobs.drain([followUpGenerateJob.name])).toEqual([]) // nothing left to run
    // Run again, nothing is stale any more.
    expect(total(await runJob(jobs, followUpGenerateJob.name), 'measures')).toBe(0)
  })
})

describe('followups.unreached', () => {
  it('flags a measure whose last three calls did not reach the person', async () => {
    const { measure } = await quarantinedContact(f.oslo, caseId, day(-3))
    await oslo(async (trx) => {
      for (const n of [3, 2, 1])
        await trx
          .insertInto('followup_calls')
          .values({
            kommune: '0301',
            measure_id: measure.id,
            person_id: measure.person.id,
            planned_date: day(-n),
            day_number: 3 - n,
            status: 'done',
            done_at: new Date(Date.now() - n * 3_600_000),
            reached: false,
          })
          .execute()
    })
    expect(total(await runJob(f.t.app.deps.jobs, followUpUnreachedJob.name), 'changed')).toBe(1)
    const m = (await f.oslo.inject({ url: `/api/measures/${measure.id}` })).json()
    expect(m.unreachedSince).not.toBeNull()
    expect(m.events.at(-1)).toMatchObject({ action: 'flag-unreached', by: null })
  })
})

describe('measures.status', () => {
  it('brings stored statuses in step with the dates', async () => {
    const { measure } = await quarantinedContact(f.oslo, caseId, day(-3))
    await oslo((trx) =>
      trx.updateTable('measures').set({ status: 'planned' }).where('id', '=', measure.id).execute(),
    )
    expect(total(await runJob(f.t.app.deps.jobs, measureStatusJob.name), 'updated')).toBe(1)
    const row = await oslo((trx) =>
      trx
        .selectFrom('measures')
        .select(['status', 'actual_end'])
        .where('id', '=', measure.id)
        .executeTakeFirstOrThrow(),
    )
    expect(row).toEqual({ status: 'active', actual_end: null })
  })
})

describe('outbox', () => {
  it('queues one reminder per measure ending tomorrow, and sends nothing without a transport', async () => {
    const c = await createCase(f.oslo)
    const contact = await f.oslo.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/contacts`,
      payload: {
        person: {
          firstName: 'Sms',
          lastName: 'Mottaker',
          birthDate: '1990-01-01',
          phone: '+47 900 00 001',
          confirmNew: true,
        },
        lastExposure: day(-13),
      }, // test-a: 14 days
    })
    const contactId = contact.json().items[0].contactId
    const m = (
      await f.oslo.inject({
        method: 'POST',
        url: '/api/measures',
        payload: { kind: 'quarantine', contactId },
      })
    ).json()
    expect(m.endDate).toBe(day(1))

    expect(await queueReminders(f.t.db.db)).toMatchObject({ queued: 1 })
    expect(await queueReminders(f.t.db.db)).toMatchObject({ queued: 0 }) // idempotent
    const queued = await oslo((trx) =>
      trx.selectFrom('outbox').selectAll().where('measure_id', '=', m.id).execute(),
    )
    expect(queued).toHaveLength(1)
    expect(queued[0]).toMatchObject({
      channel: 'sms',
      recipient: '+47 900 00 001',
      status: 'queued',
      template: 'quarantine-ends',
    })
    expect(queued[0]?.body).not.toContain('Mottaker')

    expect(await sendDue(f.t.db.db)).toEqual({ sent: 0, failed: 0, transport: null })
    const list = (await f.oslo.inject({ url: '/api/outbox' })).json()
    expect(list).toMatchObject({ transportConfigured: false, items: [{ status: 'queued', channel: 'sms' }] })

    const sent: OutgoingMessage[] = []
    configureOutboxTransport({ name: 'test', send: async (msg) => void sent.push(msg) })
    expect(await sendDue(f.t.db.db)).toEqual({ sent: 1, failed: 0, transport: 'test' })
    expect(sent.map((s) => s.recipient)).toEqual(['+47 900 00 001'])
    expect((await f.oslo.inject({ url: '/api/outbox' })).json().items[0]).toMatchObject({
      status: 'sent',
      transport: 'test',
    })
  })
})
