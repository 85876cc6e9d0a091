import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { audit } from '../../audit/audit'
import { loadConfig } from '../../config'
import type { Database } from '../../db/kysely'
import { inTenant } from '../../db/tenant'
import { AppError } from '../../http/errors'
import type { AppDeps } from '../../http/types'
import type { JobDefinition } from '../../jobs/scheduler'
import { runCommit, SimulatedCrash } from './imports.commit'
import * as q from './imports.queries'
import { runDryRun } from './imports.validate'
import type { Claim } from './imports.worker-context'

/**
 * Background work of imports. A request that queues a step kicks this instance's worker at once;
 * the scheduled job catches up on anything queued elsewhere or abandoned by a crashed instance.
 * A step is claimed through import_claim (FOR UPDATE SKIP LOCKED), so two instances never run
 * the same step; a step whose heartbeat is older than STALE_SECONDS is taken over.
 */
export const STALE_SECONDS = 120
const WORKER = `${process.pid}-${randomUUID().slice(0, 8)}`

type WorkerDeps = Pick<AppDeps, 'db' | 'config'>
const running = new WeakMap<Database, { promise: Promise<number>; again?: Promise<number> }>()

/**
 * Starts this instance's worker, or — when one is running — queues another pass after it, so a
 * step queued while the worker was finishing is never missed. Resolves when it runs out of work.
 */
export function kickImports(deps: WorkerDeps): Promise<number> {
  const current = running.get(deps.db)
  if (current) {
    current.again ??= current.promise.then(() => kickImports(deps))
    return current.again
  }
  const state: { promise: Promise<number>; again?: Promise<number> } = { promise: Promise.resolve(0) }
  state.promise = (async () => {
    let steps = 0
    try {
      while (await workOnce(deps as AppDeps)) steps++
    } finally {
      running.delete(deps.db)
    }
    return steps
  })()
  running.set(deps.db, state)
  return state.promise
}

/** Waits for this instance's worker (app close, tests). */
export async function importsIdle(db: Database) {
  const r = running.get(db)
  await r?.promise.catch(() => {})
  await r?.again?.catch(() => {})
}

async function workOnce(deps: AppDeps): Promise<boolean> {
  const row = await q.claimNext(deps.db, WORKER, STALE_SECONDS)
  if (!row) return false
  const claim: Claim = { id: row.id, kommune: row.kommune, created_by: row.created_by, worker: WORKER }
  try {
    if (row.state === 'validating') await runDryRun(deps, claim)
    else await runCommit(deps, claim)
  } catch (err) {
    if (err instanceof SimulatedCrash) return true
    await markFailed(deps, claim, row.state, err)
  }
  return true
}

/** A step that failed: the run says why in Norwegian (the file is refused, or nothing was saved). */
async function markFailed(deps: AppDeps, claim: Claim, step: string, err: unknown) {
  const known = err instanceof AppError
  const refusedFile = known && err.code.startsWith('import-')
  const message = known
    ? err.title
    : step === 'validating'
      ? 'Kontrollen av filen stoppet på grunn av en feil. Prøv igjen.'
      : 'Importen stoppet på grunn av en feil. Ingenting er lagret. Prøv igjen.'
  const state = refusedFile ? 'refused' : 'failed'
  await inTenant(deps.db, { kommune: claim.kommune, userId: claim.created_by }, async (trx) => {
    const n = await q.updateRun(
      trx,
      { id: claim.id, kommune: claim.kommune, worker: claim.worker },
      {
        state,
        error: step === 'committing' && known ? `${message} Ingenting er lagret.` : message,
        heartbeat_at: sql`now()` as never,
        ...(refusedFile ? { file_data: null } : {}),
      },
    )
    if (!n) return
    const actor = { userId: claim.created_by, name: '', kommune: claim.kommune, roles: [], sessionId: '' }
    await audit(
      trx,
      { actor, requestId: `import-${claim.id}`, ip: '' },
      {
        action: step === 'validating' ? 'import.validate' : 'import.commit',
        recordType: 'import',
        recordId: claim.id,
        outcome: 'failed',
        details: { error: message },
      },
    )
  })
}

/** Scheduled catch-up: queued steps from other instances, and steps abandoned by a crash. */
export const importsJob: JobDefinition = {
  name: 'imports.work',
  everySeconds: 15,
  run: async (db) => ({ steps: await kickImports({ db, config: loadConfig() }) }),
}
