import PgBoss from 'pg-boss'

/** pg-boss's tables live in their own schema, owned by the schema owner like everything else. */
export const JOB_SCHEMA = 'pgboss'
/** Where a job goes after its last retry failed: kept for the operator to look at. */
export const DEAD_LETTER_QUEUE = 'jobs.dead-letter'
/** pg-boss's own queue for cron runs (timekeeper). */
const SEND_IT = '__pgboss__send-it'

type OwnerQuery = (text: string, values?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>

export interface QueueSpec {
  name: string
  retryLimit?: number
  retryDelay?: number
  expireInSeconds?: number
}

/**
 * Installs or upgrades pg-boss's schema and creates the app's queues, as the owner (the migrator
 * calls it, MIGRATION_DATABASE_URL): creating a queue creates a table, which the app role may
 * not. The app role gets only the rights to use them.
 */
export async function installJobSchema(query: OwnerQuery, queues: QueueSpec[]) {
  const boss = new PgBoss({
    db: { executeSql: (text: string, values?: unknown[]) => query(text, values ?? []) },
    schema: JOB_SCHEMA,
    migrate: true,
    supervise: false,
    schedule: false,
  })
  boss.on('error', () => {})
  await boss.start()
  try {
    const existing = new Set((await boss.getQueues()).map((q) => q.name))
    for (const q of [{ name: DEAD_LETTER_QUEUE }, ...queues]) {
      if (existing.has(q.name)) continue
      await boss.createQueue(q.name, {
        name: q.name,
        policy: 'stately',
        retryLimit: q.retryLimit ?? 3,
        retryDelay: q.retryDelay ?? 30,
        retryBackoff: true,
        expireInSeconds: q.expireInSeconds ?? 15 * 60,
        ...(q.name === DEAD_LETTER_QUEUE
          ? { retentionMinutes: 60 * 24 * 30 }
          : { deadLetter: DEAD_LETTER_QUEUE }),
      })
    }
    if (!existing.has(SEND_IT)) await boss.createQueue(SEND_IT)
  } finally {
    await boss.stop({ graceful: false, close: false, wait: true })
  }
  await query(`GRANT USAGE ON SCHEMA ${JOB_SCHEMA} TO smittespor_app;
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${JOB_SCHEMA} TO smittespor_app;
    GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${JOB_SCHEMA} TO smittespor_app`)
}
