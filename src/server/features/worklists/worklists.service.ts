import type { WorklistCounts, WorklistName, WorklistPage } from '../../../shared/api/worklists'
import { audit } from '../../audit/audit'
import type { RequestContext } from '../../auth/actor'
import { inTenant, type Trx } from '../../db/tenant'
import type { AppDeps } from '../../http/types'
import { presentCaseListItem } from '../cases/cases.present'
import { type CaseFilter, countCases, listCases } from '../cases/cases.queries'
import { scope, todayOslo } from '../cases/cases.service'
import { type Cursor, DATE_KEY, decodeCursor, page, TIMESTAMP_KEY } from '../cases/cursor'
import { presentContactListItem } from '../contacts/contacts.present'
import {
  type ContactWorklistFilter,
  countContactWorklist,
  listContactWorklist,
} from '../contacts/contacts.queries'
import { presentCallItem, presentMeasureItem, presentTransferItem } from './worklists.present'
import * as q from './worklists.queries'

type CaseWorklist = 'my-cases' | 'unassigned-cases' | 'interviews-not-done'
type Scope = { kommune: string; userId: string }

/** The case filter behind each case worklist (SPEC §3.7): open cases only. */
function caseFilter(name: CaseWorklist, userId: string): CaseFilter {
  switch (name) {
    case 'my-cases':
      return { status: 'open', assignedTo: userId }
    case 'unassigned-cases':
      return { status: 'open', assignedTo: null }
    case 'interviews-not-done':
      return { status: 'open', interviewNotDone: true }
  }
}

/** What each list's cursor carries: its sort key (the due date for calls, else a timestamp). */
const CURSOR_KEY: Record<WorklistName, RegExp> = {
  'my-cases': TIMESTAMP_KEY,
  'my-contacts': TIMESTAMP_KEY,
  'unassigned-cases': TIMESTAMP_KEY,
  'interviews-not-done': TIMESTAMP_KEY,
  'contacts-not-notified': TIMESTAMP_KEY,
  'followups-due': DATE_KEY,
  // Keyed on id only (all end today); the key is the date for a readable cursor.
  'measures-ending-today': DATE_KEY,
  'transfers-waiting': TIMESTAMP_KEY,
}

type Loader = (trx: Trx, s: Scope, after: Cursor | undefined, limit: number) => Promise<WorklistPage>

const cases =
  (name: CaseWorklist): Loader =>
  async (trx, s, after, limit) => {
    const rows = await listCases(trx, s.kommune, caseFilter(name, s.userId), '-createdAt', after, limit)
    const p = page(rows, limit, (r) => r.created_key)
    return { kind: 'cases', name, items: p.items.map(presentCaseListItem), nextCursor: p.nextCursor }
  }

type ContactWorklist = 'my-contacts' | 'contacts-not-notified'

/** The active contacts behind each contact worklist: assigned to the user, or not yet notified. */
const contactFilter = (name: ContactWorklist, userId: string): ContactWorklistFilter =>
  name === 'my-contacts' ? { assignedTo: userId } : { notNotified: true }

const contacts =
  (name: ContactWorklist): Loader =>
  async (trx, s, after, limit) => {
    const rows = await listContactWorklist(trx, s.kommune, contactFilter(name, s.userId), after, limit)
    const p = page(rows, limit, (r) => r.created_key)
    const today = todayOslo()
    const items = p.items.map((r) => presentContactListItem(r, today))
    return { kind: 'contacts', name, items, nextCursor: p.nextCursor }
  }

const LOADERS: Record<WorklistName, Loader> = {
  'my-cases': cases('my-cases'),
  'my-contacts': contacts('my-contacts'),
  'unassigned-cases': cases('unassigned-cases'),
  'interviews-not-done': cases('interviews-not-done'),
  'contacts-not-notified': contacts('contacts-not-notified'),
  'followups-due': async (trx, s, after, limit) => {
    const today = todayOslo()
    const p = page(await q.listDueCalls(trx, s.kommune, today, after, limit), limit, (r) => r.planned_date)
    const items = p.items.map((r) => presentCallItem(r, today))
    return { kind: 'followups', name: 'followups-due', items, nextCursor: p.nextCursor }
  },
  'measures-ending-today': async (trx, s, after, limit) => {
    const today = todayOslo()
    const rows = await q.listMeasuresEndingToday(trx, s.kommune, today, after, limit)
    const p = page(rows, limit, (r) => r.end_date)
    const items = p.items.map((r) => presentMeasureItem(r, today))
    return { kind: 'measures', name: 'measures-ending-today', items, nextCursor: p.nextCursor }
  },
  'transfers-waiting': async (trx, s, after, limit) => {
    const p = page(await q.listWaitingTransfers(trx, s.kommune, after, limit), limit, (r) => r.created_key)
    const items = p.items.map(presentTransferItem)
    return { kind: 'transfers', name: 'transfers-waiting', items, nextCursor: p.nextCursor }
  },
}

const RECORD_TYPE: Record<WorklistPage['kind'], string> = {
  cases: 'case',
  contacts: 'contact',
  followups: 'followup-call',
  measures: 'measure',
  transfers: 'transfer',
}

/** GET /api/worklists/{name}: keyset-paged, audited as a list of persons. */
export async function getWorklist(
  deps: AppDeps,
  ctx: RequestContext,
  name: WorklistName,
  query: { cursor?: string | undefined; limit: number },
) {
  const s = scope(ctx, 'case.read')
  const after = decodeCursor(query.cursor, CURSOR_KEY[name])
  return inTenant(deps.db, s, async (trx) => {
    const result = await LOADERS[name](trx, s, after, query.limit)
    await audit(trx, ctx, {
      action: 'worklist.read',
      recordType: RECORD_TYPE[result.kind],
      details: { name, page: !!query.cursor, results: result.items.length },
    })
    return result
  })
}

/** GET /api/worklists: how many items each worklist has (numbers only, not audited). */
export async function worklistCounts(deps: AppDeps, ctx: RequestContext): Promise<WorklistCounts> {
  const s = scope(ctx, 'case.read')
  const today = todayOslo()
  return inTenant(deps.db, s, async (trx) => ({
    'my-cases': await countCases(trx, s.kommune, caseFilter('my-cases', s.userId)),
    'my-contacts': await countContactWorklist(trx, s.kommune, contactFilter('my-contacts', s.userId)),
    'unassigned-cases': await countCases(trx, s.kommune, caseFilter('unassigned-cases', s.userId)),
    'interviews-not-done': await countCases(trx, s.kommune, caseFilter('interviews-not-done', s.userId)),
    'contacts-not-notified': await countContactWorklist(
      trx,
      s.kommune,
      contactFilter('contacts-not-notified', s.userId),
    ),
    'followups-due': await q.countDueCalls(trx, s.kommune, today),
    'measures-ending-today': await q.countMeasuresEndingToday(trx, s.kommune, today),
    'transfers-waiting': await q.countWaitingTransfers(trx, s.kommune),
  }))
}
