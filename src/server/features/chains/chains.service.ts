import type { z } from 'zod'
import {
  CHAIN_ACTIVE_DAYS,
  CHAIN_VIEW_MAX_NODES,
  type ChainEdge,
  type ChainNode,
  type ChainView,
  type chainListQuery,
} from '../../../shared/api/chains'
import { addDaysOslo } from '../../../shared/domain/dates'
import { audit } from '../../audit/audit'
import type { RequestContext } from '../../auth/actor'
import { inTenant, type Trx } from '../../db/tenant'
import { notFound } from '../../http/errors'
import type { AppDeps } from '../../http/types'
import { requireCase, scope, todayOslo } from '../cases/cases.service'
import { DATE_KEY, decodeCursor, encodeCursor } from '../cases/cursor'
import * as q from './chains.queries'

/** GET /api/chains: the municipality's chains, newest case first, with their root cases. */
export async function listChains(deps: AppDeps, ctx: RequestContext, query: z.output<typeof chainListQuery>) {
  const s = scope(ctx, 'case.read')
  const after = decodeCursor(query.cursor, DATE_KEY)
  const since = addDaysOslo(todayOslo(), -CHAIN_ACTIVE_DAYS)
  const active = query.active === undefined ? undefined : query.active === 'true'
  return inTenant(deps.db, s, async (trx) => {
    const rows = (
      await q
        .listChainsQuery(trx, s.kommune, { active, since, minSize: query.minSize }, after, query.limit)
        .execute(trx)
    ).rows
    const items = rows.slice(0, query.limit)
    const roots = await q.chainRoots(
      trx,
      s.kommune,
      items.map((r) => r.chain_id),
    )
    const persons = await q.chainPersons(
      trx,
      s.kommune,
      items.map((r) => r.chain_id),
    )
    const last = items.at(-1)
    await audit(trx, ctx, {
      action: 'chain.list',
      recordType: 'chain',
      details: { results: items.length, rootPersonIds: roots.map((r) => r.person_id) },
    })
    return {
      items: items.map((r) => ({
        id: r.chain_id,
        size: r.size,
        persons: persons.get(r.chain_id) ?? 0,
        cases: r.cases,
        contacts: r.contacts,
        events: r.events,
        newestCaseDate: r.newest,
        active: !!r.newest && r.newest >= since,
        roots: roots
          .filter((x) => x.chain_id === r.chain_id)
          .map((x) => ({
            caseId: x.case_id,
            firstName: x.first_name,
            lastName: x.last_name,
            testDate: x.test_date,
          })),
      })),
      nextCursor:
        rows.length > query.limit && last ? encodeCursor({ k: last.sort_text, id: last.chain_id }) : null,
    }
  })
}

/** GET /api/chains/by-case/{caseId}: the chain holding the case, at most 500 nodes around it. */
export async function chainByCase(deps: AppDeps, ctx: RequestContext, caseId: string) {
  const s = scope(ctx, 'case.read')
  return inTenant(deps.db, s, async (trx) => {
    const c = await requireCase(trx, ctx, caseId)
    return loadView(trx, ctx, s.kommune, caseId, c.person_id)
  })
}

/**
 * GET /api/chains/{id}: a chain by its id (as listed) or by the id of one of its cases; the view
 * centres on the given case, or on the chain's newest case.
 */
export async function chainById(deps: AppDeps, ctx: RequestContext, id: string) {
  const s = scope(ctx, 'case.read')
  return inTenant(deps.db, s, async (trx) => {
    const focus = (await q.chainOfNode(trx, s.kommune, 'case', id))
      ? id
      : await q.newestCaseOfChain(trx, s.kommune, id)
    if (!focus) throw notFound('Smittekjeden')
    const c = await requireCase(trx, ctx, focus)
    return loadView(trx, ctx, s.kommune, focus, c.person_id)
  })
}

async function loadView(trx: Trx, ctx: RequestContext, kommune: string, caseId: string, personId: string) {
  const chain = await q.chainOfNode(trx, kommune, 'case', caseId)
  if (!chain) throw notFound('Smittekjeden')
  const members = await q.neighbourhood(trx, 'case', caseId, CHAIN_VIEW_MAX_NODES)
  const view = await describe(trx, kommune, members)
  await audit(trx, ctx, {
    action: 'chain.read',
    recordType: 'case',
    recordId: caseId,
    personId,
    details: { chainId: chain.chain_id, nodes: view.nodes.length, personIds: view.personIds },
  })
  const result: ChainView = {
    chainId: chain.chain_id,
    caseId,
    size: chain.size,
    persons: (await q.chainPersons(trx, kommune, [chain.chain_id])).get(chain.chain_id) ?? 0,
    truncated: chain.size > view.nodes.length,
    nodes: view.nodes,
    edges: view.edges,
  }
  return result
}

/** Labels, statuses and dates of the nodes, and the edges between them (deduplicated). */
async function describe(trx: Trx, kommune: string, members: Awaited<ReturnType<typeof q.neighbourhood>>) {
  const ids = (t: q.NodeType) => members.filter((m) => m.node_type === t).map((m) => m.node_id)
  const depth = new Map(members.map((m) => [`${m.node_type}:${m.node_id}`, m.depth]))
  const nodes: ChainNode[] = []
  const personIds: string[] = []
  for (const c of await q.caseNodes(trx, kommune, ids('case'))) {
    personIds.push(c.person_id)
    nodes.push({
      id: c.id,
      kind: 'case',
      label: `${c.first_name} ${c.last_name}`,
      status: c.status === 'open' ? 'case-open' : 'case-closed',
      date: c.date,
      depth: depth.get(`case:${c.id}`) ?? null,
    })
  }
  for (const t of await q.contactNodes(trx, kommune, ids('contact'))) {
    personIds.push(t.person_id)
    nodes.push({
      id: t.id,
      kind: 'contact',
      label: `${t.first_name} ${t.last_name}`,
      status: t.status === 'active' && t.in_quarantine ? 'quarantine' : t.status,
      date: t.date,
      depth: depth.get(`contact:${t.id}`) ?? null,
    })
  }
  for (const e of await q.eventNodes(trx, kommune, ids('event')))
    nodes.push({
      id: e.id,
      kind: 'event',
      label: e.name,
      status: e.outbreak ? 'outbreak' : 'event',
      date: e.date,
      depth: depth.get(`event:${e.id}`) ?? null,
    })
  nodes.sort((a, b) => (a.depth ?? 0) - (b.depth ?? 0) || (a.date ?? '').localeCompare(b.date ?? ''))
  const present = new Set(nodes.map((n) => n.id))
  const edges = new Map<string, ChainEdge>()
  for (const e of await q.edgesOf(trx, kommune, members)) {
    if (!present.has(e.a_id) || !present.has(e.b_id)) continue
    const [source, target] = direction(e)
    const key = [source, target].sort().join('|')
    if (!edges.has(key)) edges.set(key, { id: key, source, target, kind: e.edge as ChainEdge['kind'] })
  }
  return { nodes, edges: [...edges.values()], personIds }
}

/**
 * Exposure runs from an event to whoever was there, from a case to its contacts, and from a
 * contact to the case it became (or the same person's case).
 */
function direction(e: { a_type: q.NodeType; a_id: string; b_type: q.NodeType; b_id: string; edge: string }) {
  if (e.a_type === 'event') return [e.a_id, e.b_id] as const
  if (e.b_type === 'event') return [e.b_id, e.a_id] as const
  const [caseId, contactId] = e.a_type === 'case' ? [e.a_id, e.b_id] : [e.b_id, e.a_id]
  return e.edge === 'exposure' ? ([caseId, contactId] as const) : ([contactId, caseId] as const)
}
