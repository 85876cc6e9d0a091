import { inTenant } from '../../db/tenant'
import type { App } from '../../http/types'
import type { LoggedIn } from '../../test/factories'

/** A multipart/form-data body with one file, as a browser sends it. */
export function multipart(fileName: string, bytes: Buffer, field = 'file') {
  const boundary = `----smittespor${Math.random().toString(16).slice(2)}`
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  )
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
  return {
    payload: Buffer.concat([head, bytes, tail]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  }
}

export async function uploadFile(app: App, who: LoggedIn, fileName: string, bytes: Buffer) {
  const m = multipart(fileName, bytes)
  return app.inject({
    method: 'POST',
    url: '/api/imports',
    payload: m.payload,
    headers: { ...who.headers, 'content-type': m.contentType },
  })
}

/** Runs the queued background steps to the end and returns the run. */
export async function settle(app: App, who: LoggedIn, id: string) {
  // What the workers of any instance would do: recover stale runs, then run the queued steps.
  await app.deps.jobs.trigger('imports.recover')
  await app.deps.jobs.drain(['imports.recover', 'imports.step'])
  const res = await who.inject({ url: `/api/imports/${id}` })
  return res.json()
}

export async function validate(app: App, who: LoggedIn, id: string) {
  const res = await who.inject({ method: 'POST', url: `/api/imports/${id}/validate` })
  if (res.statusCode !== 202) throw new Error(`validate: ${res.statusCode} ${res.body}`)
  return settle(app, who, id)
}

export async function commit(app: App, who: LoggedIn, id: string, mode: 'strict' | 'valid_only' = 'strict') {
  const res = await who.inject({ method: 'POST', url: `/api/imports/${id}/commit`, payload: { mode } })
  if (res.statusCode !== 202) return { status: res.statusCode, body: res.json() }
  return { status: 202, body: await settle(app, who, id) }
}

/** Uploads, checks and returns the validated run (throws on a refused upload). */
export async function uploadAndValidate(app: App, who: LoggedIn, fileName: string, bytes: Buffer) {
  const up = await uploadFile(app, who, fileName, bytes)
  if (up.statusCode !== 201) throw new Error(`upload: ${up.statusCode} ${up.body}`)
  return validate(app, who, up.json().id)
}

export async function allRows(who: LoggedIn, id: string) {
  const res = await who.inject({ url: `/api/imports/${id}/rows?limit=500` })
  return res.json().items as {
    recordType: string
    rowNumber: number
    status: string
    issues: { column: string | null; severity: string; message: string }[]
    recordId: string | null
  }[]
}

/** Row counts of the tables an import writes, as the municipality sees them. */
export async function tableCounts(app: App, kommune: string) {
  return inTenant(app.deps.db, { kommune }, async (trx) => {
    const n = async (t: 'persons' | 'cases' | 'contacts' | 'events' | 'event_participants' | 'import_keys') =>
      Number(
        (
          await trx
            .selectFrom(t)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )
    return {
      persons: await n('persons'),
      cases: await n('cases'),
      contacts: await n('contacts'),
      events: await n('events'),
      participants: await n('event_participants'),
      keys: await n('import_keys'),
    }
  })
}
