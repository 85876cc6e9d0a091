import { sql } from 'kysely'
import { osloDate } from '../../../shared/domain/dates'
import { audit } from '../../audit/audit'
import { innsynReport } from '../../audit/audit.queries'
import type { RequestContext } from '../../auth/actor'
import { inTenant, type Trx } from '../../db/tenant'
import { notFound } from '../../http/errors'
import type { AppDeps } from '../../http/types'
import { authorize } from '../../policy/policy'
import { renderInnsynPdf } from './innsyn-export.pdf'

/** Columns that hold a protected address: never exported (SPEC §3.1), marked as hidden instead. */
const PROTECTED = ['street', 'postcode', 'place', 'residence_bydel'] as const
export const HIDDEN = '[skjult: adressebeskyttelse]'

type Row = Record<string, unknown>

export interface InnsynData {
  generatedAt: string
  kommune: string
  note: string
  person: Row
  cases: Row[]
  contacts: Row[]
  eventParticipations: Row[]
  measures: Row[]
  measureChanges: Row[]
  followUpCalls: Row[]
  documents: Row[]
  messages: Row[]
  transfers: Row[]
  flags: Row[]
  legalHolds: Row[]
  accessLog: Row[]
}

/** JSON-safe values: instants as ISO strings, binary content left out. */
function clean(row: Row): Row {
  const out: Row = {}
  for (const [k, v] of Object.entries(row)) {
    if (v instanceof Uint8Array) continue
    out[k] = v instanceof Date ? v.toISOString() : v
  }
  return out
}

const byPerson = async (trx: Trx, table: string, kommune: string, personId: string, order = 'created_at') =>
  (
    await sql<Row>`select * from ${sql.table(table)} where kommune = ${kommune} and person_id = ${personId}
      order by ${sql.ref(order)}`.execute(trx)
  ).rows.map(clean)

/**
 * Everything this municipality stores about one person (GDPR art. 15 innsyn): the register entry,
 * every case, contact, event participation, measure with its changes, follow-up call, letter
 * (metadata; the letters themselves are in the case file), message, transfer, error report and
 * legal hold, plus who has read or changed the data (the access log).
 */
export async function collect(trx: Trx, kommune: string, personId: string): Promise<InnsynData> {
  const person = (await sql<Row>`select * from persons where id = ${personId}`.execute(trx)).rows[0]
  if (!person) throw notFound('Personen')
  const p = clean(person)
  if (p.protected_address !== 'none') for (const c of PROTECTED) if (p[c] !== null) p[c] = HIDDEN
  const cases = await byPerson(trx, 'cases', kommune, personId)
  const contacts = await byPerson(trx, 'contacts', kommune, personId)
  const measures = await byPerson(trx, 'measures', kommune, personId)
  const ids = [personId, ...cases.map((c) => c.id), ...contacts.map((c) => c.id)] as string[]
  const measureIds = measures.map((m) => m.id as string)
  const documents = (
    await sql<Row>`select id, measure_id, kind, language, title, filename, content_type, byte_size, sha256,
        created_at, created_by from person_documents where kommune = ${kommune} and person_id = ${personId}
        order by created_at`.execute(trx)
  ).rows.map(clean)
  const rows = async (q: ReturnType<typeof sql<Row>>) => (await q.execute(trx)).rows.map(clean)
  return {
    generatedAt: new Date().toISOString(),
    kommune,
    note: 'Innsyn etter personvernforordningen art. 15. Adresse med adressebeskyttelse er utelatt.',
    person: p,
    cases,
    contacts,
    eventParticipations: await rows(sql<Row>`select p.*, e.name as event_name, e.starts_at as event_starts_at
        from event_participants p join events e on e.id = p.event_id
       where p.kommune = ${kommune} and p.person_id = ${personId} order by p.created_at`),
    measures,
    measureChanges: measureIds.length
      ? await rows(sql<Row>`select * from measure_events where kommune = ${kommune}
          and measure_id = any(${measureIds}::uuid[]) order by created_at`)
      : [],
    followUpCalls: await byPerson(trx, 'followup_calls', kommune, personId, 'planned_date'),
    documents,
    messages: await byPerson(trx, 'outbox', kommune, personId),
    transfers: await rows(
      sql<Row>`select * from transfers where person_id = ${personId} order by created_at`,
    ),
    flags: await rows(sql<Row>`select * from flags where kommune = ${kommune}
        and record_id = any(${ids}::uuid[]) order by created_at`),
    legalHolds: await rows(sql<Row>`select record_type, record_id, reason, created_at, released_at
        from legal_holds where kommune = ${kommune} and record_id = any(${ids}::uuid[]) order by created_at`),
    accessLog: (await innsynReport(trx, kommune, personId)).map((r) => clean(r as unknown as Row)),
  }
}

/**
 * GET /api/persons/:id/innsyn-export(.pdf): the Administrator answers an access request. The
 * same permission as the access-log innsyn report; audited with the format and section sizes.
 */
export async function exportPerson(
  deps: AppDeps,
  ctx: RequestContext,
  personId: string,
  format: 'json' | 'pdf',
) {
  authorize(ctx.actor, 'audit.read')
  const kommune = ctx.actor.kommune!
  return inTenant(deps.db, { kommune, userId: ctx.actor.userId }, async (trx) => {
    const data = await collect(trx, kommune, personId)
    const sizes = Object.fromEntries(
      Object.entries(data)
        .filter(([, v]) => Array.isArray(v))
        .map(([k, v]) => [k, (v as unknown[]).length]),
    )
    await audit(trx, ctx, {
      action: 'person.innsyn-export',
      recordType: 'person',
      recordId: personId,
      personId,
      details: { format, sections: sizes },
    })
    const base = `innsyn-data-${kommune}-${osloDate(new Date())}`
    if (format === 'json')
      return {
        filename: `${base}.json`,
        type: 'application/json; charset=utf-8',
        body: JSON.stringify(data, null, 2),
      }
    return {
      filename: `${base}.pdf`,
      type: 'application/pdf',
      body: Buffer.from(await renderInnsynPdf(data)),
    }
  })
}
