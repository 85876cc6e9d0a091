import { type GenerateKeyPairResult, generateKeyPair } from 'jose'
import { FREG_SCOPE, mountFregFakes } from '../../fakes/freg'
import type { App } from '../../http/types'
import { FregClient, type FregFetchResult } from './freg.client'
import { loadSigningKey, MaskinportenClient, type SigningKey } from './maskinporten'

/** The way to Folkeregisteret for this installation, from config (SPEC §7). */
export interface FregGateway {
  /** False when FREG is not set up here at all (production without FREG_BASE_URL). */
  configured: boolean
  /** True when the in-repo fakes answer (demo mode and tests). */
  fake: boolean
  fetchPerson(nationalId: string): Promise<FregFetchResult>
}

const DEMO_CLIENT = { clientId: 'smittespor-demo', kid: 'smittespor-demo-key' }

/**
 * Builds the gateway. In fake mode the fake Maskinporten and fake FREG are mounted on this app
 * and the client talks to them over HTTP like to the real ones, with a key pair made on first use
 * (the public half registered with the fake, as an organisation registers its key with Digdir).
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
    let pair: Promise<GenerateKeyPairResult> | undefined
    const keys = () => {
      pair ??= generateKeyPair('RS256')
      return pair
    }
    const mounted = await mountFregFakes(app, {
      origin: config.publicUrl,
      clients: [{ ...DEMO_CLIENT, publicKey: async () => (await keys()).publicKey, scopes: [FREG_SCOPE] }],
    })
    const client = buildClient(freg, {
      baseUrl: mounted.fregBaseUrl(),
      issuer: mounted.issuer(),
      clientId: DEMO_CLIENT.clientId,
      scope: FREG_SCOPE,
      signingKey: async () => ({ key: (await keys()).privateKey, kid: DEMO_CLIENT.kid }),
    })
    return { configured: true, fake: true, fetchPerson: (id) => client.fetchPerson(id) }
  }
  const mp = freg.maskinporten
  let loaded: Promise<SigningKey> | undefined
  const client = buildClient(freg, {
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
  return { configured: true, fake: false, fetchPerson: (id) => client.fetchPerson(id) }
}

function buildClient(
  freg: { timeoutMs: number; breaker: { failures: number; openMs: number } },
  s: {
    baseUrl: string
    issuer: string
    clientId: string
    scope: string
    signingKey: () => Promise<SigningKey>
  },
) {
  const tokens = new MaskinportenClient({
    issuer: s.issuer,
    clientId: s.clientId,
    scope: s.scope,
    signingKey: s.signingKey,
    timeoutMs: freg.timeoutMs,
  })
  return new FregClient({ baseUrl: s.baseUrl, timeoutMs: freg.timeoutMs, tokens, breaker: freg.breaker })
}
