import { createHash } from 'node:crypto'
import { CompiledQuery, Kysely } from 'kysely'
import type pg from 'pg'
import type { Database } from '../db/kysely'

/** prev_hash of the first row in every chain (audit_append's initial head). */
export const GENESIS_HASH = '0'.repeat(64)

export type AuditProblemKind =
  /** The row's hash does not match its content: the payload (or seq/prev_hash) was edited. */
  | 'hash-mismatch'
  /** One or more seq numbers are missing: rows were deleted. `seq` is the first missing one. */
  | 'gap'
  /** prev_hash does not match the previous row's hash: rows were replaced or re-hashed. */
  | 'broken-link'
  /** The chain head disagrees with the last row: rows were deleted at the end, or the head edited. */
  | 'head-mismatch'
  /** occurred_at (not covered by the hash) disagrees with payload.occurredAt (which is). */
  | 'time-mismatch'

export interface AuditProblem {
  chain: string
  seq: number
  /** The row concerned; null when the row is missing. */
  id: number | null
  problem: AuditProblemKind
  detail: string
}

export interface AuditVerification {
  ok: boolean
  chains: number
  rows: number
  problems: AuditProblem[]
  /** More problems were found than `maxProblems`; only the first ones are listed. */
  truncated: boolean
}

/** The hash audit_append computes, recomputed in Node from the stored `payload::text`. */
export function auditRowHash(prevHash: string, seq: number, payloadText: string): string {
  return createHash('sha256').update(`${prevHash}|${seq}|${payloadText}`, 'utf8').digest('hex')
}

type Query = <R>(text: string, params?: unknown[]) => Promise<R[]>
type Target = Database | pg.Pool | pg.ClientBase

interface Row {
  id: number
  chain: string
  seq: number
  prev_hash: string
  hash: string
  payload_text: string
  payload_at: string | null
  at_us: number
}

interface ChainState {
  chain: string
  expected: number
  prevHash: string
  last: Row | null
}

/**
 * Checks every hash chain in the audit log: each row's hash, the seq sequence (a deleted row
 * leaves a gap), the prev_hash links and the chain heads. Must run as the table owner — the app
 * role sees only one tenant's rows and cannot read the heads. Reads in one repeatable-read
 * snapshot, so appends running meanwhile do not show up as head mismatches.
 */
export async function verifyAuditChains(
  target: Target,
  options: { batchSize?: number; maxProblems?: number } = {},
): Promise<AuditVerification> {
  return inSnapshot(target, (query) =>
    verifyIn(query, options.batchSize ?? 5000, options.maxProblems ?? 1000),
  )
}

async function verifyIn(query: Query, batchSize: number, maxProblems: number): Promise<AuditVerification> {
  const problems: AuditProblem[] = []
  let truncated = false
  const report = (p: AuditProblem) => {
    if (problems.length < maxProblems) problems.push(p)
    else truncated = true
  }
  const heads = new Map(
    (await query<Head>('select chain, seq, hash from audit_chain_heads')).map((h) => [
      h.chain,
      { ...h, seq: Number(h.seq) },
    ]),
  )
  // Chains whose oldest partitions were dropped continue from their anchor (migration 0031).
  const anchors = new Map(
    (await query<Head>('select chain, seq, hash from audit_chain_anchors')).map((a) => [
      a.chain,
      { ...a, seq: Number(a.seq) },
    ]),
  )
  const seen = new Set<string>()
  let rows = 0
  let state = null as ChainState | null
  for (let batch = await readBatch(query, null, batchSize); batch.length > 0; ) {
    for (const row of batch) {
      rows++
      if (state?.chain !== row.chain) {
        if (state) checkHead(state, heads.get(state.chain), report)
        seen.add(row.chain)
        const anchor = anchors.get(row.chain)
        state = {
          chain: row.chain,
          expected: anchor ? anchor.seq + 1 : 1,
          prevHash: anchor?.hash ?? GENESIS_HASH,
          last: null,
        }
      }
      checkRow(state, row, report)
    }
    batch = batch.length < batchSize ? [] : await readBatch(query, batch.at(-1)!, batchSize)
  }
  if (state) checkHead(state, heads.get(state.chain), report)
  // A head whose chain has no rows left: every row of it was deleted (unless retention dropped
  // them all with their partitions, and the anchor is where the head is).
  for (const head of heads.values()) {
    const anchor = anchors.get(head.chain)
    if (anchor && anchor.seq === head.seq && anchor.hash === head.hash) continue
    if (!seen.has(head.chain) && head.seq > 0)
      report({
        chain: head.chain,
        seq: 1,
        id: null,
        problem: 'head-mismatch',
        detail: `head says seq ${head.seq}, but the chain has no rows`,
      })
  }
  const chains = new Set([...seen, ...heads.keys()]).size
  return { ok: problems.length === 0, chains, rows, problems, truncated }
}

interface Head {
  chain: string
  seq: number
  hash: string
}

function checkRow(s: ChainState, row: Row, report: (p: AuditProblem) => void) {
  const at = { chain: row.chain, seq: row.seq, id: row.id }
  if (row.seq !== s.expected) {
    // The missing row's hash is unknown, so the link across the gap cannot be checked.
    const range = row.seq - 1 > s.expected ? `${s.expected}–${row.seq - 1}` : `${s.expected}`
    report({ ...at, seq: s.expected, id: null, problem: 'gap', detail: `seq ${range} missing` })
  } else if (row.prev_hash !== s.prevHash) {
    report({ ...at, problem: 'broken-link', detail: 'prev_hash does not match the previous row' })
  }
  if (auditRowHash(row.prev_hash, row.seq, row.payload_text) !== row.hash)
    report({ ...at, problem: 'hash-mismatch', detail: 'content does not match its hash' })
  if (row.payload_at === null || Date.parse(row.payload_at) * 1000 !== row.at_us)
    report({ ...at, problem: 'time-mismatch', detail: 'occurred_at differs from payload.occurredAt' })
  s.expected = row.seq + 1
  s.prevHash = row.hash
  s.last = row
}

function checkHead(s: ChainState, head: Head | undefined, report: (p: AuditProblem) => void) {
  const last = s.last
  if (!last) return
  if (!head)
    report({ chain: s.chain, seq: last.seq, id: last.id, problem: 'head-mismatch', detail: 'no chain head' })
  else if (head.seq > last.seq)
    report({
      chain: s.chain,
      seq: last.seq + 1,
      id: null,
      problem: 'head-mismatch',
      detail: `head says seq ${head.seq}, last row is seq ${last.seq}: rows missing at the end`,
    })
  else if (head.seq !== last.seq || head.hash !== last.hash)
    report({
      chain: s.chain,
      seq: last.seq,
      id: last.id,
      problem: 'head-mismatch',
      detail: `head (seq ${head.seq}) does not match the last row`,
    })
}

const ROW_COLUMNS = `id, chain, seq, prev_hash, hash, payload::text as payload_text,
  payload ->> 'occurredAt' as payload_at, (extract(epoch from occurred_at) * 1000000)::bigint as at_us
  from audit_log`

// Keyset over the (chain, seq) unique index: constant memory whatever the size of the log.
// bigints are converted here as the caller's pg may not have db/kysely.ts's type parsers.
async function readBatch(query: Query, after: Row | null, limit: number): Promise<Row[]> {
  const rows = await (after
    ? query<Row>(`select ${ROW_COLUMNS} where (chain, seq) > ($1, $2) order by chain, seq limit $3`, [
        after.chain,
        after.seq,
        limit,
      ])
    : query<Row>(`select ${ROW_COLUMNS} order by chain, seq limit $1`, [limit]))
  return rows.map((r) => ({ ...r, id: Number(r.id), seq: Number(r.seq), at_us: Number(r.at_us) }))
}

async function inSnapshot<T>(target: Target, fn: (query: Query) => Promise<T>): Promise<T> {
  if (target instanceof Kysely) {
    return target
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) =>
        fn(async <R>(text: string, params: unknown[] = []) => {
          const res = await trx.executeQuery<R>(CompiledQuery.raw(text, params))
          return res.rows
        }),
      )
  }
  const isPool = 'totalCount' in target
  const client = isPool ? await (target as pg.Pool).connect() : (target as pg.ClientBase)
  try {
    await client.query('begin isolation level repeatable read read only')
    try {
      const result = await fn(async <R>(text: string, params: unknown[] = []) => {
        const res = await client.query(text, params)
        return res.rows as R[]
      })
      await client.query('commit')
      return result
    } catch (err) {
      await client.query('rollback').catch(() => {})
      throw err
    }
  } finally {
    if (isPool) (client as pg.PoolClient).release()
  }
}

const problemLabels: Record<AuditProblemKind, string> = {
  'hash-mismatch': 'rad endret / row edited',
  gap: 'rad slettet / row deleted',
  'broken-link': 'kjeden er brutt / chain broken',
  'head-mismatch': 'kjedehodet stemmer ikke / chain head mismatch',
  'time-mismatch': 'tidspunkt endret / timestamp edited',
}

/** A bilingual (Norwegian/English) summary for `npm run audit:verify`. */
export function formatVerification(r: AuditVerification): string {
  const counts = `${r.chains} kjeder/chains, ${r.rows} rader/rows`
  if (r.ok) return `Sikkerhetsloggen er uendret / audit log intact: ${counts}.\n`
  const lines = [
    `SIKKERHETSLOGGEN ER ENDRET / AUDIT LOG TAMPERED: ${r.problems.length} problem(er) i/in ${counts}.`,
    ...r.problems.map((p) => {
      const chain = p.chain === '-' ? '- (nasjonal/national)' : p.chain
      const id = p.id === null ? '' : ` id ${p.id}`
      return `  kjede/chain ${chain} seq ${p.seq}${id}: ${p.problem} — ${problemLabels[p.problem]} (${p.detail})`
    }),
  ]
  if (r.truncated) lines.push('  … flere problemer ikke vist / more problems not shown')
  return `${lines.join('\n')}\n`
}
