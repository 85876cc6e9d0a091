import type { FastifyServerOptions } from 'fastify'

/**
 * pino options. Personal data must never reach the logs: request bodies are not logged, and these
 * paths are redacted wherever they appear in a logged object (e.g. an error carrying input).
 */
export const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.nationalId',
  '*.national_id',
  '*.pid',
  '*.fnr',
  '*.firstName',
  '*.lastName',
  '*.first_name',
  '*.last_name',
  '*.name',
  '*.fullName',
  '*.email',
  '*.phone',
  '*.address',
  '*.street',
  '*.notes',
  '*.comment',
  '*.reason',
  '*.birthDate',
  '*.birth_date',
  'input',
  '*.input',
  'body',
  '*.body',
]

export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: '[skjult]' },
    serializers: {
      // Log the route, never the query string (it may hold a search term or a national id).
      req: (req: { method: string; routeOptions?: { url?: string }; url: string; id: string }) => ({
        method: req.method,
        route: req.routeOptions?.url ?? req.url.split('?')[0],
        id: req.id,
      }),
    },
  }
}
