/**
 * Names the app needs about the fake ID-porten without loading it: `app.ts` imports these
 * statically and the fake itself (oidc-provider, @fastify/middie) only when it is enabled.
 */
export const FAKE_IDPORTEN_PATH = '/idporten-fake'
export const FAKE_LOGIN_PATH = '/idporten-fake-login'
/** The fake's client for `client_secret_post`. */
export const FAKE_CLIENT = { id: 'smittespor-demo', secret: 'demo-only-client-secret-not-for-production' }
/** The fake's client for `private_key_jwt`: its public key comes from OIDC_PRIVATE_KEY_FILE. */
export const FAKE_JWT_CLIENT = { id: 'smittespor-demo-jwt' }
/** What the fake answers `acr` with: ID-porten's levels and Ansattporten's. */
export const FAKE_ACR_VALUES = ['idporten-loa-substantial', 'idporten-loa-high', 'substantial', 'high']
