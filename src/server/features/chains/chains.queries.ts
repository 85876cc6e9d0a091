import { sql } from 'kysely'
import type { Trx } from '../../db/tenant'
import type { Cursor } from '../cases/cursor'

/**
 * Transmission chains are connected components kept up to date by the database (chain_nodes,
 * migrations/0013): listing is one GROUP BY over the municipality's chain ids, and a chain view
 * reads one chain — bounded — by index.
 */

export type NodeType = 'case' | 'contact' | 'event'

/** Sort key for a chain without cases (it sorts last). */
export const NO_CASE_DATE = '0001-01-01'

export interface ChainFilter {
  /** true: a case on or after `since`; false: none. */
  active?: boolean | undefined
  since: string
  minSize: number
}

export interface ChainAggregate {
  chain_id: string
  size: number
  cases: number
  contacts: number
  events: number
  newest: string | null
  sort_text: string
}

/** One keyset page (limit + 1 rows) of chains, newest case first. */
export function listChainsQuery(
  _trx: Trx,
  kommune: string,
  f: ChainFilter,
  after: Cursor | undefined,
  limit: number,
) {
  const activeOnly =
    f.active === true
      ? sql`and n.chain_id in (select a.chain_id from chain_nodes a
              where a.kommune = ${kommune} and a.node_type = 'case' and a.node_date >= ${f.since}::date)`
      : sql``
  const inactiveOnly =
    f.active === false
      ? sql`and coalesce(max(n.node_date) filter (where n.node_type = 'case'), ${NO_CASE_DATE}::date) < ${f.since}::date`
      : sql``
  const cursor = after ? sql`where (g.sort_key, g.chain_id) < (${after.k}::date, ${after.id}::uuid)` : sql``
  return sql<ChainAggregate>`
    select g.chain_id, g.size, g.cases, g.contacts, g.events, g.newest,
           to_char(g.sort_key, 'YYYY-MM-DD') as sort_text from (
      select n.chain_id, count(*)::int as size,
             (count(*) filter (where n.node_type = 'case'))::int as cases,
             (count(*) filter (where n.node_type = 'contact'))::int as contacts,
             (count(*) filter (where n.node_type = 'event'))::int as events,
             to_char(max(n.node_date) filter (where n.node_type = 'case'), 'YYYY-MM-DD') as newest,
             coalesce(max(n.node_date) filter (where n.node_type = 'case'), ${NO_CASE_DATE}::date) as sort_key
        from chain_nodes n
       where n.kommune = ${kommune} ${activeOnly}
       group by n.chain_id
      having count(*) >= ${f.minSize} ${inactiveOnly}
    ) g ${cursor}
    order by g.sort_key desc, g.chain_id desc
    limit ${limit + 1}`
}

/**
 * Root cases of the given chains: cases with no known source inside the chain (no source contact
 * or event, and never registered as a contact here), the earliest three per chain.
 */
export async function chainRoots(trx: Trx, kommune: string, chainIds: string[]) {
  if (chainIds.length === 0) return []
  const r = await sql<{
    chain_id: string
    case_id: string
    person_id: string
    test_date: string | null
    first_name: string
    last_name: string
  }>`
    select x.chain_id, x.case_id, x.person_id, x.test_date, x.first_name, x.last_name from (
      select n.chain_id, c.id as case_id, c.person_id, to_char(c.test_date, 'YYYY-MM-DD') as test_date,
             p.first_name, p.last_name,
             y.is_root, bool_or(y.is_root) over (partition by n.chain_id) as has_root,
             row_number() over (partition by n.chain_id order by y.is_root desc, n.node_date, c.id) as rn
        from chain_nodes n
        join cases c on c.id = n.node_id and c.kommune = ${kommune}
        join persons p on p.id = c.person_id
        cross join lateral (select c.source_contact_id is null and c.source_event_id is null
               and not exists (select 1 from contacts t where t.person_id = c.person_id and t.kommune = ${kommune})
               as is_root) y
       where n.kommune = ${kommune} and n.node_type = 'case' and n.chain_id = any(${chainIds}::uuid[])
    ) x where x.rn <= 3 and x.is_root = x.has_root
    order by x.chain_id, x.rn`.execute(trx)
  return r.rows
}

/** Distinct persons of each given chain (cases and contacts; a contact who became a case counts once). */
export async function chainPersons(trx: Trx, kommune: string, chainIds: string[]) {
  if (chainIds.length === 0) return new Map<string, number>()
  const r = await sql<{ chain_id: string; persons: number }>`
    select n.chain_id, count(distinct coalesce(c.person_id, t.person_id))::int as persons
      from chain_nodes n
      left join cases c on n.node_type = 'case' and c.id = n.node_id and c.kommune = ${kommune}
      left join contacts t on n.node_type = 'contact' and t.id = n.node_id and t.kommune = ${kommune}
     where n.kommune = ${kommune} and n.chain_id = any(${chainIds}::uuid[]) and n.node_type <> 'event'
     group by n.chain_id`.execute(trx)
  return new Map(r.rows.map((x) => [x.chain_id, x.persons]))
}

/** The chain a node belongs to, with the chain's size. */
export async function chainOfNode(trx: Trx, kommune: string, type: NodeType, id: string) {
  return (await chainOfNodeQuery(trx, kommune, type, id).execute(trx)).rows[0]
}

export function chainOfNodeQuery(_trx: Trx, kommune: string, type: NodeType, id: string) {
  return sql<{ chain_id: string; size: number }>`
    select n.chain_id, (select count(*)::int from chain_nodes m where m.kommune = ${kommune} and m.chain_id = n.chain_id) as size
      from chain_nodes n
     where n.node_type = ${type} and n.node_id = ${id}::uuid and n.kommune = ${kommune}`
}

/** The newest case of a chain (the focus when a chain is opened by its id). */
export async function newestCaseOfChain(trx: Trx, kommune: string, chainId: string) {
  const r = await sql<{ node_id: string }>`
    select n.node_id from chain_nodes n
     where n.kommune = ${kommune} and n.chain_id = ${chainId}::uuid and n.node_type = 'case'
     order by n.node_date desc nulls last, n.node_id limit 1`.execute(trx)
  return r.rows[0]?.node_id
}

/** Breadth-first neighbourhood of a node, at most `max` nodes (the database function, RLS applies). */
export async function neighbourhood(trx: Trx, type: NodeType, id: string, max: number) {
  const r = await sql<{ node_type: NodeType; node_id: string; depth: number }>`
    select node_type, node_id, depth from chain_neighbourhood(${type}, ${id}::uuid, ${max})`.execute(trx)
  return r.rows
}

/** Every edge from the given nodes (both ends are filtered to the node set by the caller). */
export async function edgesOf(trx: Trx, kommune: string, nodes: { node_type: NodeType; node_id: string }[]) {
  if (nodes.length === 0) return []
  const r = await sql<{ a_type: NodeType; a_id: string; b_type: NodeType; b_id: string; edge: string }>`
    select n.t as a_type, n.i as a_id, nb.nb_type as b_type, nb.nb_id as b_id, nb.nb_edge as edge
      from unnest(${nodes.map((n) => n.node_type)}::text[], ${nodes.map((n) => n.node_id)}::uuid[]) as n(t, i)
      cross join lateral chain_neighbours(n.t, n.i, ${kommune}) nb`.execute(trx)
  return r.rows
}

export async function caseNodes(trx: Trx, kommune: string, ids: string[]) {
  return ids.length === 0 ? [] : caseNodesQuery(trx, kommune, ids).execute()
}

export function caseNodesQuery(trx: Trx, kommune: string, ids: string[]) {
  return trx
    .selectFrom('cases as c')
    .innerJoin('persons as p', 'p.id', 'c.person_id')
    .select(['c.id', 'c.person_id', 'c.status', 'p.first_name', 'p.last_name'])
    .select(sql<string>`to_char(chain_case_date(c.test_date, c.created_at), 'YYYY-MM-DD')`.as('date'))
    .where('c.kommune', '=', kommune)
    .where('c.id', 'in', ids)
}

export async function contactNodes(trx: Trx, kommune: string, ids: string[]) {
  return ids.length === 0 ? [] : contactNodesQuery(trx, kommune, ids).execute()
}

export function contactNodesQuery(trx: Trx, kommune: string, ids: string[]) {
  return trx
    .selectFrom('contacts as t')
    .innerJoin('persons as p', 'p.id', 't.person_id')
    .select(['t.id', 't.person_id', 't.status', 't.last_exposure as date', 'p.first_name', 'p.last_name'])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('measures as m')
            .whereRef('m.contact_id', '=', 't.id')
            .where('m.kommune', '=', kommune)
            .where('m.kind', '=', 'quarantine')
            .where('m.status', 'in', ['planned', 'active']),
        )
        .as('in_quarantine'),
    )
    .where('t.kommune', '=', kommune)
    .where('t.id', 'in', ids)
}

export async function eventNodes(trx: Trx, kommune: string, ids: string[]) {
  if (ids.length === 0) return []
  return trx
    .selectFrom('events as e')
    .select(['e.id', 'e.name', 'e.outbreak'])
    .select(
      sql<string | null>`to_char((e.starts_at at time zone 'Europe/Oslo')::date, 'YYYY-MM-DD')`.as('date'),
    )
    .where('e.kommune', '=', kommune)
    .where('e.id', 'in', ids)
    .execute()
}
