import { importsJob } from '../features/imports/imports.worker'
import {
  followUpGenerateJob,
  followUpUnreachedJob,
  measureStatusJob,
} from '../features/measures/measures.jobs'
import { outboxRemindersJob, outboxSendJob } from '../features/outbox/outbox.jobs'
import { retentionJob } from '../features/retention/retention.job'
import { inactiveUsersJob } from '../features/users/users.job'
import type { JobDefinition } from './scheduler'

/** Every scheduled job main.ts runs (each instance polls; each due run happens once). */
export const jobs: JobDefinition[] = [
  inactiveUsersJob,
  measureStatusJob,
  followUpGenerateJob,
  followUpUnreachedJob,
  outboxRemindersJob,
  outboxSendJob,
  retentionJob,
  importsJob,
]
