import type { FastifyInstance } from 'fastify'
import type { FakeMaskinporten } from '../maskinporten/fake-maskinporten'
import { FREG_IDS, type FregFixtureName } from './fixture-ids'
import { FREG_FIXTURES } from './fixtures'

/** The Folkeregister resource path, as documented for the "offentlig med hjemmel" package. */
export const FREG_PERSON_PATH = '/folkeregisteret/offentlig-med-hjemmel/api/v1/personer'
export const FREG_SCOPE = 'folkeregister:deling/offentligmedhjemmel'

export interface FakeFregOptions {
  maskinporten: FakeMaskinporten
  /** How long the `slow` person takes to answer (longer than the client's timeout). */
  slowMs?: number
}

const byId = new Map<string, FregFixtureName>(
  Object.entries(FREG_IDS).map(([name, id]) => [id, name as FregFixtureName]),
)

/**
 * A local stand-in for Skatteetaten's Folkeregister API (demo mode and tests only): a bearer
 * token from the fake Maskinporten with the FREG scope is required, the fixture persons are
 * served in the documented shape, and three ids simulate trouble (500, too slow, 503 once).
 * Errors carry Skatteetaten's `{ kode, melding }` body.
 */
export function createFakeFreg(opts: FakeFregOptions) {
  const slowMs = opts.slowMs ?? 5000
  const stats = { requests: 0, byName: new Map<FregFixtureName | 'other', number>() }

  async function register(app: FastifyInstance, prefix: string) {
    app.get<{ Params: { id: string }; Querystring: { part?: string | string[] } }>(
      `${prefix}${FREG_PERSON_PATH}/:id`,
      { schema: { hide: true } },
      async (req, reply) => {
        stats.requests++
        const auth = req.headers.authorization
        const token = auth?.startsWith('Bearer ') ? auth.slice(7) : ''
        const verdict = token ? await opts.maskinporten.verifyAccessToken(token, FREG_SCOPE) : 'invalid'
        if (verdict === 'invalid') return fail(reply, 401, 'FREG-401', 'Autentiseringsinformasjon mangler')
        if (verdict === 'scope')
          return fail(reply, 403, 'FREG-403', 'Virksomheten mangler autorisasjon for tjenesten')
        const name = byId.get(req.params.id)
        stats.byName.set(name ?? 'other', (stats.byName.get(name ?? 'other') ?? 0) + 1)
        if (name === 'serverError')
          return fail(reply, 500, 'FREG-001', 'Feil i tjenesten. Vennligst prøv igjen seinere.')
        if (name === 'slow') {
          await new Promise((r) => setTimeout(r, slowMs))
          return fail(reply, 500, 'FREG-001', 'Feil i tjenesten. Vennligst prøv igjen seinere.')
        }
        if (name === 'flaky' && stats.byName.get('flaky') === 1)
          return fail(reply, 503, 'FREG-001', 'Feil i tjenesten. Vennligst prøv igjen seinere.')
        const doc =
          name && name in FREG_FIXTURES ? FREG_FIXTURES[name as keyof typeof FREG_FIXTURES] : undefined
        if (!doc) return fail(reply, 404, 'FREG-404', 'Fant ikke person med angitt identifikator')
        return reply.type('application/json').send(doc)
      },
    )
  }

  return { register, stats }
}
export type FakeFreg = ReturnType<typeof createFakeFreg>

function fail(
  reply: { status(n: number): { type(t: string): { send(b: unknown): unknown } } },
  status: number,
  kode: string,
  melding: string,
) {
  return reply.status(status).type('application/json').send({ kode, melding })
}
