import type { z } from 'zod'
import {
  AUDIT_EXPORT_MAX_ROWS,
  type AuditLogPage,
  type auditLogQuery,
  type InnsynReportView,
} from '../../../shared/api/audit-log'
import { addDaysOslo, osloDate, parseIsoDate } from '../../../shared/domain/dates'
import { audit } from '../../audit/audit'
import { AUDIT_PAGE_MAX, type AuditSearch, innsynReport, searchAuditLog } from '../../audit/audit.queries'
import type { RequestContext } from '../../auth/actor'
import type { Database } from '../../db/kysely'
import { inTenant, type Trx } from '../../db/tenant'
import { notFound } from '../../http/errors'
import { requireKommune } from '../../policy/policy'
import { innsynCsv, logCsvHead, logCsvRows, logCsvTruncatedNote } from './audit-log.csv'
import { fullName, nameIndex, presentEntry, presentInnsynRow, presentPerson } from './audit-log.present'
import * as q from './audit-log.queries'

type LogQuery = z.output<typeof auditLogQuery>
type Filters = Omit<AuditSearch, 'kommune' | 'cursor' | 'limit'>

/** The query's filters as the audit module's search takes them: whole days in Norwegian time. */
function toFilters(query: LogQuery): Filters {
  return {
    ...(query.userId ? { userId: query.userId } : {}),
    ...(query.personId ? { personId: query.personId } : {}),
    ...(query.action ? { actionPrefix: query.action } : {}),
    ...(query.from ? { from: parseIsoDate(query.from) } : {}),
    ...(query.to ? { to: parseIsoDate(addDaysOslo(query.to, 1)) } : {}),
  }
}

/** What the log records about a search of the log: the filters (ids and dates), never names. */
function filterDetails(query: LogQuery) {
  const { cursor, limit: _limit, ...filters } = query
  return { filters, nextPage: !!cursor }
}

const scope = (ctx: RequestContext) => ({
  kommune: requireKommune(ctx.actor, 'audit.read'),
  userId: ctx.actor!.userId,
})

/** GET /api/audit-log: one page of the municipality's log, newest first. Audited as 'audit.search'. */
export async function searchLog(db: Database, ctx: RequestContext, query: LogQuery): Promise<AuditLogPage> {
  const s = scope(ctx)
  return inTenant(db, s, async (trx) => {
    const page = await searchAuditLog(trx, {
      kommune: s.kommune,
      ...toFilters(query),
      cursor: query.cursor ?? null,
      limit: query.limit,
    })
    const ids = page.items.flatMap((e) => (e.personId ? [e.personId] : []))
    const names = nameIndex(
      await q.personNames(trx, s.kommune, query.personId ? [...ids, query.personId] : ids),
    )
    const person = query.personId ? names.get(query.personId) : undefined
    await audit(trx, ctx, {
      action: 'audit.search',
      recordType: 'audit-log',
      // Indexed under the person only when the person is this municipality's to know.
      personId: person ? person.id : null,
      details: { ...filterDetails(query), results: page.items.length },
    })
    return {
      items: page.items.map((e) => presentEntry(e, names)),
      nextCursor: page.nextCursor,
      person: person ? presentPerson(person) : null,
    }
  })
}

/**
 * GET /api/audit-log.csv: the filtered log as CSV, streamed a page at a time and stopped at
 * AUDIT_EXPORT_MAX_ROWS with a note as the last line. The export is recorded before the first
 * byte, in its own transaction: a download that breaks off still counts as an export.
 */
export async function exportLog(
  db: Database,
  ctx: RequestContext,
  query: LogQuery,
  maxRows = AUDIT_EXPORT_MAX_ROWS,
) {
  const s = scope(ctx)
  const filters = toFilters(query)
  await inTenant(db, s, async (trx) => {
    const [person] = query.personId ? await q.personNames(trx, s.kommune, [query.personId]) : []
    await audit(trx, ctx, {
      action: 'audit.export',
      recordType: 'audit-log',
      personId: person?.id ?? null,
      details: { ...filterDetails(query), format: 'csv', maxRows },
    })
  })
  return {
    filename: `sikkerhetslogg-${s.kommune}-${osloDate(new Date())}.csv`,
    body: csvPages(db, s, filters, maxRows),
  }
}

async function* csvPages(
  db: Database,
  s: { kommune: string; userId: string },
  filters: Filters,
  maxRows: number,
) {
  yield logCsvHead()
  let cursor: string | null = null
  let written = 0
  do {
    const limit = Math.min(AUDIT_PAGE_MAX, maxRows - written)
    const chunk: { csv: string; count: number; next: string | null } = await inTenant(db, s, async (trx) => {
      const page = await searchAuditLog(trx, { kommune: s.kommune, ...filters, cursor, limit })
      const ids = page.items.flatMap((e) => (e.personId ? [e.personId] : []))
      const names = nameIndex(await q.personNames(trx, s.kommune, ids))
      return { csv: logCsvRows(page.items, names), count: page.items.length, next: page.nextCursor }
    })
    written += chunk.count
    cursor = chunk.next
    if (chunk.count > 0) yield chunk.csv
  } while (cursor && written < maxRows)
  if (cursor) yield logCsvTruncatedNote(maxRows)
}

async function loadInnsyn(trx: Trx, kommune: string, personId: string, includeDenied: boolean) {
  const [person] = await q.personNames(trx, kommune, [personId])
  if (!person) throw notFound('Personen')
  const rows = await innsynReport(trx, kommune, personId, { includeDenied })
  return { person, rows }
}

/** GET /api/audit-log/innsyn/:personId: who read or changed one person's data, oldest first. */
export async function innsyn(
  db: Database,
  ctx: RequestContext,
  personId: string,
  options: { includeDenied: boolean },
): Promise<InnsynReportView> {
  const s = scope(ctx)
  return inTenant(db, s, async (trx) => {
    const { person, rows } = await loadInnsyn(trx, s.kommune, personId, options.includeDenied)
    await auditInnsyn(trx, ctx, personId, { format: 'json', ...options, rows: rows.length })
    return { person: presentPerson(person), items: rows.map(presentInnsynRow) }
  })
}

/** GET /api/audit-log/innsyn/:personId.csv: the same report as a CSV file. */
export async function innsynExport(
  db: Database,
  ctx: RequestContext,
  personId: string,
  options: { includeDenied: boolean },
) {
  const s = scope(ctx)
  return inTenant(db, s, async (trx) => {
    const { person, rows } = await loadInnsyn(trx, s.kommune, personId, options.includeDenied)
    await auditInnsyn(trx, ctx, personId, { format: 'csv', ...options, rows: rows.length })
    return {
      // No name in the file name: downloads folders and proxies keep file names.
      filename: `innsyn-${s.kommune}-${osloDate(new Date())}.csv`,
      body: innsynCsv({ name: fullName(person), id: person.id }, rows),
    }
  })
}

// Recorded after the report is read, so the report does not list its own making; the next one will.
function auditInnsyn(trx: Trx, ctx: RequestContext, personId: string, details: Record<string, unknown>) {
  return audit(trx, ctx, {
    action: 'audit.innsyn',
    recordType: 'person',
    recordId: personId,
    personId,
    details,
  })
}

/** GET /api/audit-log/users: the user filter's choices. */
export async function listUsers(db: Database, ctx: RequestContext) {
  const s = scope(ctx)
  return inTenant(db, s, async (trx) => ({ items: await q.kommuneUsers(trx, s.kommune) }))
}
