import fastifyFormbody from '@fastify/formbody'
import Fastify, { type FastifyInstance } from 'fastify'
import {
  createFakeMaskinporten,
  type FakeDelegation,
  type FakeMaskinportenClient,
} from '../maskinporten/fake-maskinporten'
import { createFakeFreg, FREG_SCOPE } from './fake-freg'

export { FREG_SCOPE } from './fake-freg'
export { FREG_IDS } from './fixture-ids'
export { FREG_FIXTURE_LABELS, FREG_FIXTURES } from './fixtures'

export const FAKE_MASKINPORTEN_PATH = '/fakes/maskinporten'
export const FAKE_FREG_PATH = '/fakes/freg'

export interface MountOptions {
  /** Origin the fakes are reached at, e.g. http://localhost:3000 (a function when known only after listen). */
  origin: string | (() => string)
  clients: readonly FakeMaskinportenClient[]
  delegations?: readonly FakeDelegation[]
  slowMs?: number
  tokenTtlSeconds?: number
}

/**
 * Mounts the fake Maskinporten and the fake FREG on a Fastify instance (the app in demo mode, or
 * a throwaway server in tests). Never in production: the caller checks, this refuses as well.
 */
export async function mountFregFakes(app: FastifyInstance, o: MountOptions) {
  if (process.env.NODE_ENV === 'production') throw new Error('The FREG fakes cannot run in production mode')
  const origin = () => (typeof o.origin === 'function' ? o.origin() : o.origin)
  const maskinporten = createFakeMaskinporten({
    issuer: () => `${origin()}${FAKE_MASKINPORTEN_PATH}/`,
    clients: o.clients,
    ...(o.delegations ? { delegations: o.delegations } : {}),
    ...(o.tokenTtlSeconds ? { tokenTtlSeconds: o.tokenTtlSeconds } : {}),
  })
  const freg = createFakeFreg({ maskinporten, ...(o.slowMs ? { slowMs: o.slowMs } : {}) })
  await maskinporten.register(app, FAKE_MASKINPORTEN_PATH)
  await freg.register(app, FAKE_FREG_PATH)
  return {
    issuer: () => `${origin()}${FAKE_MASKINPORTEN_PATH}/`,
    fregBaseUrl: () => `${origin()}${FAKE_FREG_PATH}`,
    maskinporten,
    freg,
  }
}

/** The fakes on their own port (127.0.0.1, random), for tests of the real HTTP path. */
export async function startFregFakes(o: Omit<MountOptions, 'origin'>) {
  const server: FastifyInstance = Fastify({ logger: false })
  await server.register(fastifyFormbody)
  let address = ''
  const mounted = await mountFregFakes(server, { ...o, origin: () => address })
  address = await server.listen({ host: '127.0.0.1', port: 0 })
  return {
    ...mounted,
    issuer: mounted.issuer(),
    fregBaseUrl: mounted.fregBaseUrl(),
    scope: FREG_SCOPE,
    close: () => server.close(),
  }
}
