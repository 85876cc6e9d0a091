import type { GenerateKeyPairResult } from 'jose'
import type { App } from '../../http/types'
import { FregClient, type FregFetchResult } from './freg.client'
import { FREG_DEMO_DELEGATIONS } from './freg.demo-seed'
import {
  loadSigningKey,
  MaskinportenClient,
  type MaskinportenSettings,
  type SigningKey,
} from './maskinporten'

/** The way to Folkeregisteret for this installation, from config (SPEC §7). */
export interface FregGateway {
  /** False when FREG is not set up here at all (production without FREG_BASE_URL). */
  configured: boolean
  /** True when the in-repo fakes answer (demo mode and tests). */
  fake: boolean
  /** A lookup on behalf of the municipality with organisation number `consumerOrg`. */
  fetchPerson(nationalId: string, consumerOrg: string): Promise<FregFetchResult>
}

/** The demo supplier (the operator) and its client; Oslo and Bergen have delegated to it. */
const DEMO_CLIENT = { clientId: 'smittespor-demo', kid: 'smittespor-demo-key', orgNo: '910000000' }

/**
 * Builds the gateway. In fake mode the fake Maskinporten and fake FREG are loaded (only then) and
 * mounted on this app, and the client talks to them over HTTP like to the real ones, with a key
 * pair made on first use (the public half registered with the fake, as an organisation registers
 * its key with Digdir).
 */
export async function createFregGateway(app: App): Promise<FregGateway> {
  const { config } = app.deps
  const freg = config.freg
  if (freg.mode === 'off') {
    return {
      configured: false,
      fake: false,
      fetchPerson: () => Promise.reject(new Error('FREG is not configured')),
    }
  }
  if (freg.mode === 'fake') {
    if (config.production) throw new Error('The FREG fakes cannot run in production mode')
    const [{ generateKeyPair }, { FREG_SCOPE, mountFregFakes }] = await Promise.all([
      import('jose'),
      import('../../fakes/freg/index'),
    ])
    let pair: Promise<GenerateKeyPairResult> | undefined
    const keys = () => {
      pair ??= generateKeyPair('RS256')
      return pair
    }
    const mounted = await mountFregFakes(app, {
      origin: config.publicUrl,
      clients: [{ ...DEMO_CLIENT, publicKey: async () => (await keys()).publicKey, scopes: [FREG_SCOPE] }],
      delegations: FREG_DEMO_DELEGATIONS.map((d) => ({
        consumerOrg: d.orgNumber,
        supplierOrg: DEMO_CLIENT.orgNo,
        scope: FREG_SCOPE,
      })),
    })
    const client = onBehalfClient(freg, {
      baseUrl: mounted.fregBaseUrl(),
      issuer: mounted.issuer(),
      clientId: DEMO_CLIENT.clientId,
      scope: FREG_SCOPE,
      signingKey: async () => ({ key: (await keys()).privateKey, kid: DEMO_CLIENT.kid }),
    })
    return { configured: true, fake: true, fetchPerson: client }
  }
  const mp = freg.maskinporten
  let loaded: Promise<SigningKey> | undefined
  const client = onBehalfClient(freg, {
    baseUrl: freg.baseUrl,
    issuer: mp.issuer,
    clientId: mp.clientId,
    scope: mp.scope,
    signingKey: () => {
      loaded ??= loadSigningKey(mp.keyFile, mp.kid).catch((err) => {
        loaded = undefined
        throw err
      })
      return loaded
    },
  })
  return { configured: true, fake: false, fetchPerson: client }
}

/**
 * One FREG client (one circuit breaker: FREG is down for everyone or no one) and one Maskinporten
 * token client per municipality, so each municipality's token carries its own `consumer_org` and
 * is cached apart from the others.
 */
function onBehalfClient(
  freg: { timeoutMs: number; breaker: { failures: number; openMs: number } },
  s: Omit<MaskinportenSettings, 'timeoutMs' | 'consumerOrg'> & { baseUrl: string },
) {
  const { baseUrl, ...mp } = s
  const client = new FregClient({ baseUrl, timeoutMs: freg.timeoutMs, breaker: freg.breaker })
  const tokens = new Map<string, MaskinportenClient>()
  return (nationalId: string, consumerOrg: string) => {
    let forKommune = tokens.get(consumerOrg)
    if (!forKommune) {
      forKommune = new MaskinportenClient({ ...mp, consumerOrg, timeoutMs: freg.timeoutMs })
      tokens.set(consumerOrg, forKommune)
    }
    return client.fetchPerson(nationalId, forKommune)
  }
}
