import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inTenant } from '../../db/tenant'
import { runJob, secondRuntime } from '../../jobs/test-helpers'
import { randomSyntheticId } from '../../seed/synthetic-id'
import { buildTestApp } from '../../test/app'
import { activateKommune, buildUser, loginAs } from '../../test/factories'
import { INACTIVE_REASON, inactiveUsersJob } from './users.job'

const OSLO = '0301'
const BERGEN = '4601'

let t: Awaited<ReturnType<typeof buildTestApp>>
beforeAll(async () => {
  t = await buildTestApp()
  await activateKommune(t.db.db, OSLO)
  await activateKommune(t.db.db, BERGEN)
})
afterAll(() => t.close())

const daysAgo = (d: number) => sql<Date>`now() - make_interval(days => ${d})`

/** A user whose created/last-login/reactivated times are backdated. */
async function backdated(
  name: string,
  times: { created: number; login?: number; reactivated?: number },
  kommuner: string[],
) {
  const db = t.db.db
  const row = await db
    .insertInto('users')
    .values({
      pid: randomSyntheticId(),
      name,
      email: null,
      created_at: daysAgo(times.created),
      last_login_at: times.login === undefined ? null : daysAgo(times.login),
      reactivated_at: times.reactivated === undefined ? null : daysAgo(times.reactivated),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  for (const kommune of kommuner)
    await db
      .insertInto('user_roles')
      .values({ user_id: row.id, role: 'tracer', kommune_code: kommune })
      .execute()
  return row.id
}

describe('users unused for 90 days are deactivated', () => {
  it('deactivates exactly the inactive users, once, even when two instances run the job at once', async () => {
    const loginLongAgo = await backdated('Gammel Innlogging', { created: 400, login: 91 }, [OSLO, BERGEN])
    const neverLoggedIn = await backdated('Aldri Innlogget', { created: 100 }, [OSLO])
    const recentLogin = await backdated('Nylig Innlogget', { created: 400, login: 89 }, [OSLO])
    const reactivated = await backdated('Nylig Reaktivert', { created: 400, login: 200, reactivated: 10 }, [
      OSLO,
    ])
    const newUser = await backdated('Helt Ny', { created: 1 }, [OSLO])

    // Two instances queue the run and work the queue at the same moment: it runs once.
    const one = t.app.deps.jobs
    const two = secondRuntime(one, t.db.db)
    await Promise.all([one.trigger(inactiveUsersJob.name), two.trigger(inactiveUsersJob.name)])
    const [a, b] = await Promise.all([one.drain([inactiveUsersJob.name]), two.drain([inactiveUsersJob.name])])
    expect([...a, ...b].map((r) => r.result)).toEqual([{ deactivated: 2 }])

    const users = await t.db.db
      .selectFrom('users')
      .select(['id', 'status', 'deactivated_reason', 'version'])
      .where('id', 'in', [loginLongAgo, neverLoggedIn, recentLogin, reactivated, newUser])
      .execute()
    const status = Object.fromEntries(users.map((u) => [u.id, [u.status, u.deactivated_reason, u.version]]))
    expect(status[loginLongAgo]).toEqual(['deactivated', INACTIVE_REASON, 2])
    expect(status[neverLoggedIn]).toEqual(['deactivated', INACTIVE_REASON, 2])
    expect(status[recentLogin]).toEqual(['active', null, 1])
    expect(status[reactivated]).toEqual(['active', null, 1])
    expect(status[newUser]).toEqual(['active', null, 1])

    // Audited once in every municipality where the user had a role, by the system (no user).
    const audited = async (kommune: string) =>
      inTenant(t.db.db, { kommune }, (trx) =>
        trx
          .selectFrom('audit_log')
          .select(['record_id', 'user_id', 'payload'])
          .where('action', '=', 'user.deactivate.inactive')
          .execute(),
      )
    const oslo = await audited(OSLO)
    expect(oslo.map((r) => r.record_id).sort()).toEqual([loginLongAgo, neverLoggedIn].sort())
    expect(oslo[0]!.user_id).toBeNull()
    expect(oslo[0]!.payload).toMatchObject({
      reason: INACTIVE_REASON,
      changes: [{ field: 'status', before: 'active', after: 'deactivated' }],
    })
    expect((await audited(BERGEN)).map((r) => r.record_id)).toEqual([loginLongAgo])

    expect(await one.drain([inactiveUsersJob.name])).toEqual([])
  })

  it('shows the user as deactivated to the Administrator, who can reactivate them for another 90 days', async () => {
    const admin = await loginAs(
      t.app,
      await buildUser(t.db.db, { roles: [{ role: 'admin', kommune: OSLO }] }),
    )
    const list = (await admin.inject({ url: '/api/users?status=deactivated' })).json()
    const gammel = list.items.find((u: { name: string }) => u.name === 'Gammel Innlogging')
    expect(gammel).toMatchObject({
      status: 'deactivated',
      deactivatedReason: INACTIVE_REASON,
      roles: ['tracer'],
    })

    const res = await admin.inject({
      method: 'POST',
      url: `/api/users/${gammel.id}/reactivate`,
      payload: { version: gammel.version },
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ status: 'active', roles: ['tracer'], deactivatedReason: null })
    // Counting from the reactivation, the job leaves them alone.
    expect((await runJob(t.app.deps.jobs, inactiveUsersJob.name)).map((r) => r.result)).toEqual([
      { deactivated: 0 },
    ])
  })
})
