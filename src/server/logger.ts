import type { FastifyServerOptions } from 'fastify'
import pino from 'pino'

/**
 * Keys whose values are personal data or secrets: redacted wherever they appear in a logged
 * object, at any depth (an error carrying the input of a nested grid row, a job's result …).
 * Compared case-insensitively, without `_` and `-`.
 */
export const REDACTED_KEYS = [
  'cookie',
  'authorization',
  'x-csrf-token',
  'set-cookie',
  'nationalId',
  'pid',
  'fnr',
  'firstName',
  'lastName',
  'name',
  'fullName',
  'email',
  'phone',
  'phone2',
  'recipient',
  'address',
  'street',
  'notes',
  'comment',
  'reason',
  'birthDate',
  'input',
  'body',
  'password',
  'token',
  'csrfToken',
  'idToken',
]

/** Fields of a PostgreSQL error that quote row values (a unique key's value, e.g. a national id). */
const DATABASE_ERROR_FIELDS = ['detail', 'where', 'internalQuery', 'hint', 'parameters']

export const CENSOR = '[skjult]'
const MAX_DEPTH = 12
const normalise = (k: string) => k.toLowerCase().replace(/[-_]/g, '')
const secret = new Set(REDACTED_KEYS.map(normalise))

/**
 * A copy of value with every secret key's value replaced, at every depth (cycles and very deep
 * structures end in a marker, so logging can never recurse without bound).
 */
export function redactDeep(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (value === null || typeof value !== 'object') return value
  if (depth > MAX_DEPTH) return '[for dypt]'
  if (seen.has(value)) return '[sirkulær]'
  seen.add(value)
  if (value instanceof Error) return redactDeep(serializeError(value), depth, seen)
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, depth + 1, seen))
  if (value instanceof Date || Buffer.isBuffer(value)) return value
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value))
    out[k] =
      secret.has(normalise(k)) && v !== null && v !== undefined ? CENSOR : redactDeep(v, depth + 1, seen)
  return out
}

/** pino's error serializer, without the fields of a database error that carry values. */
export function serializeError(err: Error): Record<string, unknown> {
  const out = pino.stdSerializers.err(err) as unknown as Record<string, unknown>
  for (const f of DATABASE_ERROR_FIELDS) delete out[f]
  if (out.cause && typeof out.cause === 'object') {
    const cause = out.cause as Record<string, unknown>
    for (const f of DATABASE_ERROR_FIELDS) delete cause[f]
  }
  return out
}

/**
 * pino calls this before its serializers: the request and response objects are left to their
 * serializers (below: route and id only), everything else is redacted.
 */
function redactLogObject(obj: Record<string, unknown>): Record<string, unknown> {
  const { req, res, ...rest } = obj
  const out = redactDeep(rest) as Record<string, unknown>
  if (req !== undefined) out.req = req
  if (res !== undefined) out.res = res
  return out
}

/**
 * pino options. Personal data must never reach the logs: request bodies are not logged, the
 * query string is left out, and every logged object passes through redactDeep.
 */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    formatters: { log: redactLogObject },
    serializers: {
      err: serializeError as never,
      // Log the route, never the query string (it may hold a search term or a national id).
      req: (req: { method: string; routeOptions?: { url?: string }; url: string; id: string }) => ({
        method: req.method,
        route: req.routeOptions?.url ?? req.url.split('?')[0],
        id: req.id,
      }),
    },
  }
}
