import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { audit } from '../../audit/audit'
import { inTenant, type Trx } from '../../db/tenant'
import { AppError } from '../../http/errors'
import type { AppDeps } from '../../http/types'
import type { JobDefinition, JobDeps, JobQueue } from '../../jobs/types'
import { runCommit, SimulatedCrash } from './imports.commit'
import * as q from './imports.queries'
import { runDryRun } from './imports.validate'
import type { Claim } from './imports.worker-context'

/**
 * Background work of imports, on pg-boss (jobs/runtime.ts). The request that queues a step
 * queues its job in the same transaction (queueImportStep): the job exists exactly when the new
 * state does. The job claims its run through import_claim_run, so a step never runs twice at
 * once; if the instance working on it dies, its heartbeat goes stale after STALE_SECONDS and the
 * recovery job queues the step again for any instance to take over.
 */
export const STALE_SECONDS = 120
const WORKER = `${process.pid}-${randomUUID().slice(0, 8)}`

/** Queues the next step of a run, in the transaction that moved it to a queued state. */
export function queueImportStep(jobs: JobQueue, trx: Trx, run: { id: string; kommune: string }) {
  return jobs.send(importStepJob.name, { runId: run.id, kommune: run.kommune }, { singletonKey: run.id, trx })
}

async function runStep(deps: JobDeps, runId: string) {
  const row = await q.claimRun(deps.db, runId, WORKER, STALE_SECONDS)
  // Nothing to take: done, cancelled, or another worker's heartbeat is still fresh.
  if (!row) return { runId, claimed: false }
  const claim: Claim = { id: row.id, kommune: row.kommune, created_by: row.created_by, worker: WORKER }
  const workerDeps = deps as unknown as AppDeps
  try {
    if (row.state === 'validating') await runDryRun(workerDeps, claim)
    else await runCommit(workerDeps, claim)
  } catch (err) {
    // A test's stand-in for a process killed mid-step: the run is left as a crash leaves it.
    if (err instanceof SimulatedCrash) return { runId, claimed: true, abandoned: true }
    await markFailed(deps, claim, row.state, err)
  }
  return { runId, claimed: true, step: row.state }
}

/** A step that failed: the run says why in Norwegian (the file is refused, or nothing was saved). */
async function markFailed(deps: JobDeps, claim: Claim, step: string, err: unknown) {
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

/** One step (dry run or commit) of one run. A failure is recorded on the run, not retried blindly. */
export const importStepJob: JobDefinition = {
  name: 'imports.step',
  expireInSeconds: 3600,
  retryLimit: 2,
  run: (deps, data) => runStep(deps, String(data.runId)),
}

/**
 * Every minute: a run waiting for a step without a job (queued before an upgrade, or a job lost
 * with its instance) or abandoned by a crashed worker gets its step queued again. A run with a
 * job already queued is not queued twice (singleton per run).
 */
export const importRecoverJob: JobDefinition = {
  name: 'imports.recover',
  cron: '* * * * *',
  run: async ({ db, jobs }) => {
    const runs = await q.pendingRuns(db, STALE_SECONDS)
    let queued = 0
    for (const r of runs)
      if (await jobs.send(importStepJob.name, { runId: r.id, kommune: r.kommune }, { singletonKey: r.id }))
        queued++
    return { pending: runs.length, queued }
  },
}
