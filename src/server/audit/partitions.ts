import { sql } from 'kysely'
import type { Database } from '../db/kysely'
import type { JobDefinition } from '../jobs/types'

/** Month partitions kept ready ahead of time (the current month and the next ones). */
export const MONTHS_AHEAD = 3

/**
 * The audit log's month partitions (migration 0031): creates the coming months' partitions, and
 * drops the months that ended more than `retentionMonths` ago (at least 120: ten years), each
 * chain's last dropped row kept as its anchor so the rest still verifies.
 */
export async function maintainAuditPartitions(db: Database, retentionMonths: number) {
  const made = await sql<{ n: number }>`
    select audit_ensure_partitions((now() at time zone 'UTC')::date, ${MONTHS_AHEAD}) as n`.execute(db)
  const dropped = await sql<{ names: string[] }>`
    select audit_drop_partitions_before(${retentionMonths}) as names`.execute(db)
  return { created: made.rows[0]?.n ?? 0, dropped: dropped.rows[0]?.names ?? [] }
}

/** Daily, national: one job. */
export const auditPartitionsJob: JobDefinition = {
  name: 'audit.partitions',
  cron: '7 3 * * *',
  run: ({ db, config }) => maintainAuditPartitions(db, config.env.AUDIT_RETENTION_MONTHS),
}
