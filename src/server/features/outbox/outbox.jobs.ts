import { addDaysOslo, formatNorwegianDate } from '../../../shared/domain/dates'
import type { Database } from '../../db/kysely'
import type { JobDefinition } from '../../jobs/types'
import { getSettings } from '../followups/followups.queries'
import { todayOslo } from '../measures/clock'
import { forEachActiveKommune } from '../measures/measures.jobs'
import * as q from './outbox.queries'
import { outboxTransport } from './outbox.transport'

const MAX_ATTEMPTS = 5

/** The reminder text: only the municipality and the date, never a name (it may sit in a log). */
export function reminderText(kind: 'isolation' | 'quarantine', end: string, kommuneName: string) {
  const what = kind === 'isolation' ? 'isolasjonen' : 'karantenen'
  return `Påminnelse fra ${kommuneName}: ${what} din varer til og med ${formatNorwegianDate(end)}. Ta kontakt med kommunen hvis du har spørsmål eller får symptomer.`
}

/**
 * Queues a reminder (SMS and/or e-mail) for every measure that ends in the municipality's
 * configured number of days. Idempotent: one message per measure, end date and channel.
 */
export async function queueReminders(db: Database, today = todayOslo(), only?: string) {
  const r = await forEachActiveKommune(
    db,
    async (trx, kommune) => {
      const { reminderDaysBefore } = await getSettings(trx, kommune)
      if (reminderDaysBefore === null) return 0
      let queued = 0
      for (const m of await q.measuresToRemind(trx, kommune, addDaysOslo(today, reminderDaysBefore))) {
        const body = reminderText(m.kind, m.end_date, m.kommune_name)
        const common = { kommune, person_id: m.person_id, measure_id: m.id, template: `${m.kind}-ends`, body }
        if (m.phone)
          queued += await q.enqueue(trx, {
            ...common,
            channel: 'sms',
            recipient: m.phone,
            dedupe_key: `reminder:${m.id}:${m.end_date}:sms`,
          })
        if (m.email)
          queued += await q.enqueue(trx, {
            ...common,
            channel: 'email',
            recipient: m.email,
            subject: m.kind === 'isolation' ? 'Isolasjonen slutter snart' : 'Karantenen slutter snart',
            dedupe_key: `reminder:${m.id}:${m.end_date}:email`,
          })
      }
      return queued
    },
    only,
  )
  return { queued: r.total, kommuner: r.kommuner }
}

/**
 * Hands due messages to the configured transport. With none configured nothing is sent: the
 * messages stay queued (SPEC §4).
 */
export async function sendDue(db: Database, only?: string) {
  const transport = outboxTransport()
  if (!transport) return { sent: 0, failed: 0, transport: null }
  let failed = 0
  const r = await forEachActiveKommune(
    db,
    async (trx, kommune) => {
      let sent = 0
      for (const m of await q.claimDue(trx, kommune, 100)) {
        try {
          await transport.send({
            id: m.id,
            channel: m.channel,
            recipient: m.recipient,
            subject: m.subject,
            body: m.body,
            template: m.template,
          })
          await q.markSent(trx, m.id, transport.name)
          sent++
        } catch (err) {
          failed++
          await q.markFailed(trx, m.id, (err as Error).message, MAX_ATTEMPTS)
        }
      }
      return sent
    },
    only,
  )
  return { sent: r.total, failed, transport: transport.name }
}

export const outboxRemindersJob: JobDefinition = {
  name: 'outbox.reminders',
  cron: '*/30 * * * *',
  perKommune: 'active',
  run: ({ db }, { kommune }) => queueReminders(db, todayOslo(), kommune),
}
export const outboxSendJob: JobDefinition = {
  name: 'outbox.send',
  cron: '* * * * *',
  perKommune: 'active',
  run: ({ db }, { kommune }) => sendDue(db, kommune),
}
