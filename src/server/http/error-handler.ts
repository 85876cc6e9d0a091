import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod'
import { AppError, type FieldError } from './errors'
import { isSpaRequest } from './spa'

const PROBLEM = 'application/problem+json; charset=utf-8'

function send(reply: FastifyReply, request: FastifyRequest, status: number, body: Record<string, unknown>) {
  return reply
    .status(status)
    .type(PROBLEM)
    .send({
      type: `urn:smittespor:problem:${body.code}`,
      status,
      instance: request.url,
      requestId: request.id,
      ...body,
    })
}

/** Every error becomes problem+json; unexpected ones are logged in full and answered generically. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body'
      const errors: FieldError[] = error.validation.map((v) => ({
        path: [where, ...v.instancePath.split('/').filter(Boolean)].join('.'),
        message: v.message ?? 'Ugyldig verdi',
      }))
      return send(reply, request, 400, {
        code: 'validation',
        title: 'Noen felt har ugyldige verdier',
        errors,
      })
    }
    if (error instanceof AppError) {
      if (error.status >= 500) request.log.error({ err: error }, 'app error')
      return send(reply, request, error.status, { code: error.code, title: error.title, ...error.extra })
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its schema')
      return send(reply, request, 500, { code: 'internal', title: 'Det oppstod en uventet feil' })
    }
    const status = error.statusCode ?? 500
    if (status === 429)
      return send(reply, request, 429, {
        code: 'rate-limited',
        title: 'For mange forespørsler. Vent litt og prøv igjen.',
      })
    if (status === 413)
      return send(reply, request, 413, { code: 'too-large', title: 'Forespørselen er for stor' })
    if (status === 415)
      return send(reply, request, 415, { code: 'unsupported-media', title: 'Ukjent innholdstype' })
    if (status >= 400 && status < 500) {
      return send(reply, request, status, { code: 'bad-request', title: 'Ugyldig forespørsel' })
    }
    if (isDatabaseDown(error)) {
      request.log.warn({ err: error }, 'database unavailable')
      return send(reply, request, 503, {
        code: 'unavailable',
        title: 'Databasen er midlertidig utilgjengelig. Prøv igjen om litt.',
      })
    }
    request.log.error({ err: error }, 'unexpected error')
    return send(reply, request, 500, { code: 'internal', title: 'Det oppstod en uventet feil' })
  })
}

function isDatabaseDown(error: unknown): boolean {
  const e = error as { code?: string; message?: string }
  return (
    e.code === 'ECONNREFUSED' ||
    e.code === 'ECONNRESET' ||
    e.code === '57P01' || // admin_shutdown
    e.code === '57P03' || // cannot_connect_now
    e.code === '57P02' || // crash_shutdown
    e.code === '08006' || // connection_failure
    /Connection terminated|timeout exceeded when trying to connect|connection error and is not queryable/i.test(
      e.message ?? '',
    )
  )
}

/**
 * Unknown paths: under /api a problem+json 404; elsewhere, when the web app is served, its
 * index.html so client-side routes survive a reload.
 */
export function registerNotFound(app: FastifyInstance, serveSpa: boolean) {
  app.setNotFoundHandler((request, reply) => {
    if (serveSpa && isSpaRequest(request.method, request.url))
      return reply.type('text/html').sendFile('index.html')
    return send(reply, request, 404, { code: 'not-found', title: 'Finner ikke adressen' })
  })
}
