import type { FastifyInstance } from 'fastify'
import { AppError, type FieldError } from './errors'

/**
 * Hostile text at the edge (issue 17): PostgreSQL refuses a NUL byte in text (a 500 deep in a
 * query) and a lone UTF-16 surrogate cannot be stored or printed as UTF-8. Every string of a
 * request — body, query and path parameters, including object keys — is checked once here,
 * before the route's zod schema, and refused with a 400 naming the field.
 */
export function hostileTextErrors(
  value: unknown,
  path: string,
  out: FieldError[] = [],
  depth = 0,
): FieldError[] {
  if (out.length >= 20 || depth > 64) return out
  if (typeof value === 'string') {
    const message = hostileTextMessage(value)
    if (message) out.push({ path, message })
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => {
      hostileTextErrors(v, `${path}.${i}`, out, depth + 1)
    })
  } else if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [k, v] of Object.entries(value)) {
      const keyMessage = hostileTextMessage(k)
      if (keyMessage) out.push({ path: `${path}.${safeKey(k)}`, message: keyMessage })
      else hostileTextErrors(v, `${path}.${k}`, out, depth + 1)
    }
  }
  return out
}

/** Why a string cannot be accepted, in Norwegian; null when it is fine. */
export function hostileTextMessage(s: string): string | null {
  if (s.includes('\u0000')) return 'Teksten inneholder et ugyldig tegn (NUL)'
  if (LONE_SURROGATE.test(s)) return 'Teksten inneholder ugyldige tegn (ufullstendig Unicode)'
  return null
}

/** A UTF-16 surrogate without its partner (String.prototype.isWellFormed needs lib es2024). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const safeKey = (k: string) =>
  k.replaceAll('\u0000', '\\0').replace(new RegExp(LONE_SURROGATE, 'g'), '\uFFFD')

export function registerHostileTextCheck(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    const errors = [
      ...hostileTextErrors(req.params, 'params'),
      ...hostileTextErrors(req.query, 'querystring'),
      ...hostileTextErrors(req.body, 'body'),
    ]
    if (errors.length > 0) throw new AppError(400, 'validation', 'Noen felt har ugyldige verdier', { errors })
  })
}
