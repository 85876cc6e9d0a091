import { fieldError } from '../../http/errors'

/**
 * Opaque keyset cursors: the sort key of the last row and its id, base64url-encoded JSON. The
 * client passes it back untouched; a tampered or foreign cursor is a 400 on `query.cursor`.
 */
export interface Cursor {
  /** Sort key: an exact timestamp text, an ISO date, or null (a null date sorts last). */
  k: string | null
  id: string
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify([c.k, c.id])).toString('base64url')

export function decodeCursor(
  raw: string | undefined,
  keyPattern: RegExp,
  allowNull = false,
): Cursor | undefined {
  if (!raw) return undefined
  try {
    const v: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'))
    if (Array.isArray(v) && v.length === 2) {
      const [k, id] = v
      const keyOk = (allowNull && k === null) || (typeof k === 'string' && keyPattern.test(k))
      if (keyOk && typeof id === 'string' && UUID.test(id)) return { k, id }
    }
  } catch {
    // fall through to the field error
  }
  throw fieldError('querystring.cursor', 'Ugyldig sidemarkør – last listen på nytt')
}

/** Exact timestamptz text (microseconds, UTC) as produced by `exactTimestamp` in SQL. */
export const TIMESTAMP_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/
export const DATE_KEY = /^\d{4}-\d{2}-\d{2}$/

/** One page of `limit` rows from `limit + 1` fetched, and the cursor to the next page. */
export function page<T extends { id: string }>(rows: T[], limit: number, key: (row: T) => string | null) {
  const items = rows.slice(0, limit)
  const last = items[items.length - 1]
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor({ k: key(last), id: last.id }) : null,
  }
}
