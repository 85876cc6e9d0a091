import { auditPartitionsJob } from '../audit/partitions'
import { importRecoverJob, importStepJob } from '../features/imports/imports.worker'
import {
  followUpGenerateJob,
  followUpUnreachedJob,
  measureStatusJob,
} from '../features/measures/measures.jobs'
import { outboxRemindersJob, outboxSendJob } from '../features/outbox/outbox.jobs'
import { retentionJob } from '../features/retention/retention.job'
import { inactiveUsersJob } from '../features/users/users.job'
import { installJobSchema } from './install'
import type { JobDefinition } from './types'

/** Every background job; each is a pg-boss queue (jobs/runtime.ts). */
export const jobs: JobDefinition[] = [
  inactiveUsersJob,
  measureStatusJob,
  followUpGenerateJob,
  followUpUnreachedJob,
  outboxRemindersJob,
  outboxSendJob,
  retentionJob,
  importStepJob,
  importRecoverJob,
  auditPartitionsJob,
]

/** The migrator's last step (as owner): pg-boss's schema and one queue per job. */
export const installJobs = (query: Parameters<typeof installJobSchema>[0]) => installJobSchema(query, jobs)
