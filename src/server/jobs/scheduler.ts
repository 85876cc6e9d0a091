import { randomUUID } from 'node:crypto'
import type { FastifyBaseLogger } from 'fastify'
import { sql } from 'kysely'
import type { Database } from '../db/kysely'

export interface JobDefinition {
  name: string
  /** Seconds between runs. */
  everySeconds: number
  run: (db: Database) => Promise<Record<string, unknown>>
}

const INSTANCE = `${process.pid}-${randomUUID().slice(0, 8)}`

/**
 * Claims a due run: moves next_run_at forward in one UPDATE that only matches while the job is
 * due. PostgreSQL's row lock makes concurrent claimers wait and then re-check the condition, so
 * exactly one instance gets each run.
 */
export async function claimRun(db: Database, job: JobDefinition): Promise<boolean> {
  await db
    .insertInto('scheduled_jobs')
    .values({ name: job.name })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute()
  const claimed = await db
    .updateTable('scheduled_jobs')
    .set({
      next_run_at: sql`now() + make_interval(secs => ${job.everySeconds})`,
      last_started_at: sql`now()`,
      last_instance: INSTANCE,
      runs: sql`runs + 1`,
    })
    .where('name', '=', job.name)
    .where('next_run_at', '<=', sql<Date>`now()`)
    .returning('name')
    .executeTakeFirst()
  return !!claimed
}

/** Runs the job if it is due and this instance wins the claim; records the outcome. */
export async function runIfDue(db: Database, job: JobDefinition, log?: FastifyBaseLogger) {
  if (!(await claimRun(db, job))) return null
  try {
    const result = await job.run(db)
    await db
      .updateTable('scheduled_jobs')
      .set({ last_finished_at: sql`now()`, last_status: 'ok', last_result: JSON.stringify(result) })
      .where('name', '=', job.name)
      .execute()
    log?.info({ job: job.name, result }, 'scheduled job done')
    return result
  } catch (err) {
    await db
      .updateTable('scheduled_jobs')
      .set({
        last_finished_at: sql`now()`,
        last_status: 'failed',
        last_result: JSON.stringify({ error: (err as Error).message }),
      })
      .where('name', '=', job.name)
      .execute()
      .catch(() => {})
    log?.error({ job: job.name, err }, 'scheduled job failed')
    return null
  }
}

/** Polls all jobs every `tickMs` until stopped; stop() waits for a running tick to finish. */
export function startScheduler(db: Database, jobs: JobDefinition[], log: FastifyBaseLogger, tickMs = 30_000) {
  let stopped = false
  let running: Promise<unknown> = Promise.resolve()
  const tick = () => {
    if (stopped) return
    running = (async () => {
      for (const job of jobs) if (!stopped) await runIfDue(db, job, log).catch(() => {})
    })()
  }
  const timer = setInterval(tick, tickMs)
  timer.unref()
  setTimeout(tick, 2000).unref()
  return {
    async stop() {
      stopped = true
      clearInterval(timer)
      await running
    },
  }
}
