import { sql } from 'kysely'
import type { Database } from '../db/kysely'
import { seedDemoCasework } from './demo-casework'
import { seedDemoUsers } from './demo-users'

/** The municipalities that are active in demo mode. */
export const DEMO_KOMMUNER = ['0301', '4601'] as const

/** Bump when the demo data changes: an existing ./data keeps its data, a new step runs once. */
type SeedStep = { version: number; run: (db: Database) => Promise<void> }

const steps: SeedStep[] = [
  {
    version: 1,
    run: async (db) => {
      await db
        .updateTable('org_units')
        .set({ status: 'active', activated_at: sql`now()` })
        .where('code', 'in', [...DEMO_KOMMUNER])
        .execute()
    },
  },
  { version: 2, run: seedDemoUsers },
  { version: 3, run: (db) => seedDemoCasework(db) },
]

/** Registers more demo steps (later features add users, persons, cases through this same path). */
export function addDemoSeedStep(step: SeedStep) {
  steps.push(step)
  steps.sort((a, b) => a.version - b.version)
}

/**
 * Seeds demo data on first start. Idempotent: the last applied step is kept in app_meta.
 * Runs as the app role, through the same services and tenant scopes as real users.
 */
export async function seedDemo(db: Database): Promise<number[]> {
  const row = await db
    .selectFrom('app_meta')
    .select('value')
    .where('key', '=', 'demo_seed')
    .executeTakeFirst()
  const done = Number((row?.value as { version?: number } | undefined)?.version ?? 0)
  const ran: number[] = []
  for (const step of steps) {
    if (step.version <= done) continue
    await step.run(db)
    await db
      .insertInto('app_meta')
      .values({ key: 'demo_seed', value: JSON.stringify({ version: step.version }) })
      .onConflict((oc) =>
        oc
          .column('key')
          .doUpdateSet({ value: JSON.stringify({ version: step.version }), updated_at: sql`now()` }),
      )
      .execute()
    ran.push(step.version)
  }
  return ran
}
