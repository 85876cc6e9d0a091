import { CompiledQuery } from 'kysely'
import type pg from 'pg'
import type { AuditVerificationView } from '../../../shared/api/audit-log'
import { audit } from '../../audit/audit'
import { type AuditVerification, verifyAuditChains } from '../../audit/verify'
import type { RequestContext } from '../../auth/actor'
import type { Database } from '../../db/kysely'
import { inTenant } from '../../db/tenant'
import { AppError } from '../../http/errors'
import { authorize } from '../../policy/policy'

/**
 * GET /api/audit-log/verify (national operator): checks every hash chain, as `npm run
 * audit:verify` does, and answers with counts and problem positions only — no log content.
 */
export async function verifyLog(db: Database, ctx: RequestContext): Promise<AuditVerificationView> {
  authorize(ctx.actor, 'audit.verify')
  const result = await verifyAsOwner(db)
  await inTenant(db, { kommune: null, userId: ctx.actor.userId }, (trx) =>
    audit(trx, ctx, {
      action: 'audit.verify',
      kommune: null,
      recordType: 'audit-log',
      outcome: result.ok ? 'ok' : 'failed',
      details: { chains: result.chains, rows: result.rows, problems: result.problems.length },
    }),
  )
  return { ...result, checkedAt: new Date().toISOString() }
}

/**
 * The verifier must read every chain and the chain heads, which the app role (one tenant at a
 * time, no access to the heads) cannot. The login role owns the schema (README, "Database
 * roles"), so this read-only snapshot transaction switches back to it with SET LOCAL ROLE, which
 * ends with the transaction; the connection is the app role again for whoever uses it next.
 */
async function verifyAsOwner(db: Database): Promise<AuditVerification> {
  try {
    return await db.connection().execute((conn) => {
      const run = async (text: string, params: readonly unknown[] = []) =>
        (await conn.executeQuery(CompiledQuery.raw(text, [...params]))).rows
      const client = {
        async query(text: string, params?: unknown[]) {
          const rows = await run(text, params)
          if (/^begin\b/i.test(text)) await run('set local role none')
          return { rows }
        },
      }
      return verifyAuditChains(client as unknown as pg.ClientBase, { maxProblems: 200 })
    })
  } catch (err) {
    // 42501: the login role is not the owner in this deployment; the CLI still works.
    if ((err as { code?: string }).code === '42501')
      throw new AppError(503, 'audit-verify-unavailable', 'Kontrollen kan ikke kjøres fra appen her', {
        detail: 'Kjør «npm run audit:verify» som databasens eier.',
      })
    throw err
  }
}
