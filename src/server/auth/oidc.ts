import * as client from 'openid-client'
import { loadClientKey } from './client-key'

export interface OidcSettings {
  issuer: string
  clientId: string
  clientAuth: 'client_secret_post' | 'private_key_jwt'
  clientSecret?: string | undefined
  privateKeyFile?: string | undefined
  keyId?: string | undefined
  /** acr values asked for; the id_token's `acr` must be one of them (ID-porten or Ansattporten). */
  acrValues: string[]
  redirectUri: string
  postLogoutRedirectUri: string
  /** Only against the local http fake; real ID-porten is https. */
  allowHttp: boolean
}

/** A form the browser POSTs to the provider's end-session endpoint (Digdir advises against GET). */
export interface EndSessionForm {
  action: string
  fields: Record<string, string>
}

/**
 * The relying party (openid-client). Discovery happens lazily on first use and is retried after a
 * failure, so the app starts even while ID-porten is unreachable.
 */
export function createOidcClient(settings: OidcSettings) {
  let pending: Promise<client.Configuration> | undefined

  async function configuration(): Promise<client.Configuration> {
    pending ??= (async () => {
      const auth =
        settings.clientAuth === 'private_key_jwt'
          ? client.PrivateKeyJwt(await loadClientKey(settings.privateKeyFile!, settings.keyId))
          : client.ClientSecretPost(settings.clientSecret)
      return client.discovery(
        new URL(settings.issuer),
        settings.clientId,
        { redirect_uris: [settings.redirectUri], response_types: ['code'] },
        auth,
        settings.allowHttp ? { execute: [client.allowInsecureRequests] } : undefined,
      )
    })().catch((err) => {
      pending = undefined
      throw err
    })
    return pending
  }

  return {
    settings,
    /** Starts the authorization code flow with PKCE (S256), state and nonce. */
    async authorizationUrl(locale: string) {
      const config = await configuration()
      const verifier = client.randomPKCECodeVerifier()
      const tx = { verifier, state: client.randomState(), nonce: client.randomNonce() }
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: 'openid profile',
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state: tx.state,
        nonce: tx.nonce,
        acr_values: settings.acrValues.join(' '),
        ui_locales: locale,
      })
      return { url: url.href, tx }
    },
    /**
     * Redeems the code. openid-client checks state, the RFC 9207 `iss` parameter, PKCE and the
     * id_token (signature, issuer, audience, expiry, nonce); we check the level of assurance.
     */
    async callback(currentUrl: URL, tx: { verifier: string; state: string; nonce: string }) {
      const config = await configuration()
      const tokens = await client.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: tx.verifier,
        expectedState: tx.state,
        expectedNonce: tx.nonce,
        idTokenExpected: true,
      })
      const claims = tokens.claims()
      if (!claims) throw new Error('id_token missing')
      if (typeof claims.acr !== 'string' || !settings.acrValues.includes(claims.acr))
        throw new LoginError('acr', `acr ${String(claims.acr)} is not one of ${settings.acrValues.join(' ')}`)
      const pid = typeof claims.pid === 'string' ? claims.pid : null
      if (!pid) throw new LoginError('pid', 'id_token has no pid claim')
      return {
        pid,
        sid: typeof claims.sid === 'string' ? claims.sid : null,
        idToken: tokens.id_token ?? null,
      }
    },
    /**
     * RP-initiated logout as a form POST, so the id_token never lands in a URL (browser history,
     * access logs). Null when the provider has no end-session endpoint.
     */
    async endSessionForm(idToken: string | null): Promise<EndSessionForm | null> {
      const config = await configuration()
      const action = config.serverMetadata().end_session_endpoint
      if (!action) return null
      return {
        action,
        fields: {
          client_id: settings.clientId,
          post_logout_redirect_uri: settings.postLogoutRedirectUri,
          ...(idToken ? { id_token_hint: idToken } : {}),
        },
      }
    },
  }
}

export type OidcClient = ReturnType<typeof createOidcClient>

export class LoginError extends Error {
  constructor(
    readonly reason: 'acr' | 'pid' | 'no-access' | 'state' | 'provider',
    message: string,
  ) {
    super(message)
  }
}
