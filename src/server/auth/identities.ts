import { roleLabels } from '../../shared/api/roles'
import type { Database } from '../db/kysely'

export interface DemoIdentity {
  pid: string
  name: string
  roles: string[]
}

/**
 * Active users with synthetic national ids, for the fake ID-porten picker (demo and tests only).
 * Synthetic means Tenor month+80 or NAV month+40: the third digit is 4–9.
 */
export async function listDemoIdentities(db: Database): Promise<DemoIdentity[]> {
  const rows = await db
    .selectFrom('users as u')
    .leftJoin('user_roles as r', (j) => j.onRef('r.user_id', '=', 'u.id').on('r.revoked_at', 'is', null))
    .leftJoin('org_units as k', 'k.code', 'r.kommune_code')
    .select(['u.pid', 'u.name', 'r.role', 'k.short_name as kommune'])
    .where('u.status', '=', 'active')
    .where('u.pid', '~', '^[0-9]{2}[4-9][0-9]{8}$')
    .orderBy('u.name')
    .limit(200)
    .execute()
  const byPid = new Map<string, DemoIdentity>()
  for (const r of rows) {
    const id = byPid.get(r.pid) ?? { pid: r.pid, name: r.name, roles: [] }
    if (r.role) id.roles.push(r.kommune ? `${roleLabels[r.role]}, ${r.kommune}` : roleLabels[r.role])
    byPid.set(r.pid, id)
  }
  return [...byPid.values()]
}
