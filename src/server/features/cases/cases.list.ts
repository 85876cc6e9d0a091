import type { z } from 'zod'
import type { caseListQuery } from '../../../shared/api/cases'
import { audit } from '../../audit/audit'
import type { RequestContext } from '../../auth/actor'
import { inTenant } from '../../db/tenant'
import type { AppDeps } from '../../http/types'
import { ownerUnitFilter } from '../ownership/ownership.service'
import { presentSummary } from '../persons/persons.present'
import { presentCaseListItem } from './cases.present'
import * as q from './cases.queries'
import { requireCase, scope } from './cases.service'
import { DATE_KEY, decodeCursor, page, TIMESTAMP_KEY } from './cursor'

/**
 * Classifies the free-text search: 11 digits is an exact national id, something that looks like a
 * phone number matches the phone fields (as typed, digits only, with or without +47), anything
 * else matches every word against the name.
 */
export function classifySearch(raw: string | undefined): q.CaseSearch | undefined {
  const text = raw?.trim()
  if (!text) return undefined
  const compact = text.replace(/\s/g, '')
  if (/^\d{11}$/.test(compact)) return { kind: 'nationalId', value: compact }
  const digits = text.replace(/\D/g, '')
  if (/^\+?[\d\s().-]+$/.test(text) && digits.length >= 5) {
    const local = digits.startsWith('47') && digits.length === 10 ? digits.slice(2) : digits
    return {
      kind: 'phone',
      values: [...new Set([text, compact, digits, local, `+47${local}`, `+${digits}`])],
    }
  }
  const words = text.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 5)
  return { kind: 'name', words }
}

/** GET /api/cases: filtered, sorted, keyset-paged; every list or search is audited (without results). */
export async function listCases(deps: AppDeps, ctx: RequestContext, query: z.output<typeof caseListQuery>) {
  const s = scope(ctx, 'case.read')
  const byTestDate = query.sort.endsWith('testDate')
  const after = byTestDate
    ? decodeCursor(query.cursor, DATE_KEY, true)
    : decodeCursor(query.cursor, TIMESTAMP_KEY)
  const filter: q.CaseFilter = {
    status: query.status,
    assignedTo: query.assignedTo === 'me' ? s.userId : query.assignedTo === 'none' ? null : query.assignedTo,
    interviewStatus: query.interviewStatus,
    testDateFrom: query.testDateFrom,
    testDateTo: query.testDateTo,
    exposureSetting: query.exposureSetting,
    search: classifySearch(query.q),
  }
  return inTenant(deps.db, s, async (trx) => {
    if (query.unit) filter.units = await ownerUnitFilter(trx, s.kommune, query.unit)
    const rows = await q.listCases(trx, s.kommune, filter, query.sort, after, query.limit)
    const result = page(rows, query.limit, (r) => (byTestDate ? r.test_date : r.created_key))
    const { cursor: _c, limit: _l, q: text, ...filters } = query
    await audit(trx, ctx, {
      action: filter.search ? 'case.search' : 'case.list',
      recordType: 'case',
      details: {
        filters,
        ...(filter.search ? { searchKind: filter.search.kind, q: text } : {}),
        page: !!query.cursor,
        results: result.items.length,
      },
    })
    return { items: result.items.map(presentCaseListItem), nextCursor: result.nextCursor }
  })
}

/**
 * GET /api/cases/{id}/household-suggestions: persons of this municipality at the case person's
 * address who are not yet its contacts. Nothing when that address is protected or unknown.
 */
export async function householdSuggestions(deps: AppDeps, ctx: RequestContext, caseId: string) {
  const s = scope(ctx, 'case.read')
  return inTenant(deps.db, s, async (trx) => {
    const c = await requireCase(trx, ctx, caseId)
    const address = await q.personAddress(trx, c.person_id)
    if (!address?.street || !address.postcode || address.protected_address !== 'none') return { items: [] }
    const rows = await q.personsAtAddress(trx, {
      kommune: s.kommune,
      caseId,
      personId: c.person_id,
      street: address.street,
      postcode: address.postcode,
    })
    if (rows.length > 0)
      await audit(trx, ctx, {
        action: 'person.search',
        recordType: 'case',
        recordId: caseId,
        personId: c.person_id,
        details: { kind: 'household-suggestions', results: rows.length },
      })
    return { items: rows.map(presentSummary) }
  })
}
