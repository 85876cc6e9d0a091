import { sql } from 'kysely'
import type { Database } from '../../db/kysely'
import { inTenant } from '../../db/tenant'

type Node = `${'case' | 'contact' | 'event'}:${string}`

/**
 * The municipality's connected components computed from scratch in TypeScript (union-find over
 * every edge), as sets of "type:id" — the reference the trigger-maintained chain ids must match.
 * Only for small test databases.
 */
export async function referenceComponents(db: Database, kommune: string): Promise<Set<Node>[]> {
  return inTenant(db, { kommune }, async (trx) => {
    const nodes = (
      await sql<{ n: Node }>`
        select 'case:' || id as n from cases where kommune = ${kommune}
        union all select 'contact:' || id from contacts where kommune = ${kommune}
        union all select 'event:' || id from events where kommune = ${kommune}`.execute(trx)
    ).rows.map((r) => r.n)
    const edges = (
      await sql<{ a: Node; b: Node }>`
        select 'contact:' || t.id as a, 'case:' || c.id as b from contacts t join cases c
          on (c.id = t.case_id or c.id = t.became_case_id or c.source_contact_id = t.id or c.person_id = t.person_id)
         and c.kommune = t.kommune where t.kommune = ${kommune}
        union all select 'contact:' || t.id, 'event:' || e.id from contacts t join events e
          on e.id = t.event_id and e.kommune = t.kommune where t.kommune = ${kommune}
        union all select 'case:' || c.id, 'event:' || e.id from cases c join events e
          on e.id = c.source_event_id and e.kommune = c.kommune where c.kommune = ${kommune}
        union all select 'case:' || c.id, 'event:' || ep.event_id from event_participants ep
          join cases c on c.id = ep.case_id and c.kommune = ep.kommune where ep.kommune = ${kommune}
        union all select 'contact:' || t.id, 'event:' || ep.event_id from event_participants ep
          join contacts t on t.id = ep.contact_id and t.kommune = ep.kommune where ep.kommune = ${kommune}`.execute(
        trx,
      )
    ).rows
    const parent = new Map<Node, Node>(nodes.map((n) => [n, n]))
    const find = (n: Node): Node => {
      let r = n
      while (parent.get(r) !== r) r = parent.get(r)!
      parent.set(n, r)
      return r
    }
    for (const { a, b } of edges) if (parent.has(a) && parent.has(b)) parent.set(find(a), find(b))
    const groups = new Map<Node, Set<Node>>()
    for (const n of nodes) {
      const root = find(n)
      groups.set(root, (groups.get(root) ?? new Set()).add(n))
    }
    return [...groups.values()]
  })
}

/** The components as stored in chain_nodes (read as the municipality: RLS applies). */
export async function storedComponents(db: Database, kommune: string): Promise<Set<Node>[]> {
  const rows = await inTenant(db, { kommune }, (trx) =>
    trx
      .selectFrom('chain_nodes')
      .select(['node_type', 'node_id', 'chain_id'])
      .where('kommune', '=', kommune)
      .execute(),
  )
  const groups = new Map<string, Set<Node>>()
  for (const r of rows)
    groups.set(r.chain_id, (groups.get(r.chain_id) ?? new Set()).add(`${r.node_type}:${r.node_id}`))
  return [...groups.values()]
}

/** Components in a comparable form: sorted lists of sorted members. */
export const canonical = (components: Set<string>[]) =>
  components.map((c) => [...c].sort()).sort((a, b) => a[0]!.localeCompare(b[0]!))
