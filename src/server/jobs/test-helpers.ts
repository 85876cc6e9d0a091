import { JobRuntime } from './runtime'

export type Ran = Awaited<ReturnType<JobRuntime['drain']>>

/**
 * Runs a scheduled job now as the workers would: queues its run (as its cron does), then runs
 * everything queued for it, the per-municipality jobs of a fanned-out job included. Throws if any
 * of them failed.
 */
export async function runJob(jobs: JobRuntime, name: string): Promise<Ran> {
  await jobs.trigger(name)
  const ran = await jobs.drain([name])
  const failed = ran.filter((r) => r.error)
  if (failed.length)
    throw new Error(failed.map((f) => `${f.name} ${f.data.kommune ?? ''}: ${f.error}`).join('; '))
  return ran
}

/** The sum of one number over the results of a run's jobs (per municipality, or the one job). */
export function total(ran: Ran, key: string): number {
  return ran.reduce((n, r) => n + Number((r.result as Record<string, unknown> | undefined)?.[key] ?? 0), 0)
}

/** A second instance's job runtime on the same database (two-instance tests). */
export const secondRuntime = (jobs: JobRuntime, db: ConstructorParameters<typeof JobRuntime>[0]['db']) =>
  new JobRuntime({ db, config: jobs.config, definitions: jobs.definitions })
