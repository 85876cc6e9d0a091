import { randomBytes } from 'node:crypto'
import middie from '@fastify/middie'
import Provider, { type ClientMetadata, type Configuration } from 'oidc-provider'
import { z } from 'zod'
import type { App } from '../http/types'
import { loadClientKey } from './client-key'
import { memoryAdapter, signingKeys } from './fake-idporten.adapter'
import {
  FAKE_ACR_VALUES,
  FAKE_CLIENT,
  FAKE_IDPORTEN_PATH,
  FAKE_JWT_CLIENT,
  FAKE_LOGIN_PATH,
} from './fake-idporten.constants'
import { escapeHtml, renderPicker } from './fake-idporten.page'
import { listDemoIdentities } from './identities'
import { checkNationalIdForEnvironment } from './pid-policy'

/**
 * A local stand-in for ID-porten built on oidc-provider, for demo mode and tests only (refused in
 * production). Same protocol surface the app relies on: discovery, authorization code + PKCE,
 * `acr_values` (ID-porten's and Ansattporten's), id_token with `pid`, `acr`, `amr`, `locale`, `sid`,
 * RFC 9207 `iss` in the authorization response, and RP-initiated logout (GET or POST). Two clients:
 * one with `client_secret_post`, one with `private_key_jwt` whose public key is derived from
 * OIDC_PRIVATE_KEY_FILE when that is set.
 */
export async function registerFakeIdporten(app: App) {
  const { config } = app.deps
  if (config.production) throw new Error('Fake ID-porten cannot run in production mode')
  const issuer = `${config.publicUrl}${FAKE_IDPORTEN_PATH}`
  const common: Partial<ClientMetadata> = {
    redirect_uris: [`${config.publicUrl}/auth/callback`],
    post_logout_redirect_uris: [`${config.publicUrl}/`, `${config.publicUrl}/logget-ut`],
    grant_types: ['authorization_code'],
    response_types: ['code'],
  }
  const keyFile = config.env.OIDC_PRIVATE_KEY_FILE
  const jwk = keyFile ? (await loadClientKey(keyFile, config.env.OIDC_KEY_ID)).publicJwk : null
  const configuration: Configuration = {
    clients: [
      {
        ...common,
        client_id: FAKE_CLIENT.id,
        client_secret: FAKE_CLIENT.secret,
        token_endpoint_auth_method: 'client_secret_post' as const,
      },
      ...(jwk
        ? [
            {
              ...common,
              client_id: FAKE_JWT_CLIENT.id,
              token_endpoint_auth_method: 'private_key_jwt' as const,
              token_endpoint_auth_signing_alg: 'RS256' as const,
              jwks: { keys: [jwk] },
            },
          ]
        : []),
    ],
    clientAuthMethods: ['client_secret_post', 'private_key_jwt'],
    claims: { openid: ['sub', 'pid', 'locale', 'acr', 'amr', 'auth_time', 'sid'] },
    conformIdTokenClaims: false,
    acrValues: FAKE_ACR_VALUES,
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: true },
      resourceIndicators: { enabled: false },
    },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    adapter: memoryAdapter(),
    jwks: signingKeys() as Configuration['jwks'],
    ttl: {
      Session: 10 * 3600,
      Interaction: 600,
      Grant: 10 * 3600,
      AuthorizationCode: 60,
      IdToken: 3600,
      AccessToken: 3600,
    },
    interactions: { url: (_ctx, interaction) => `${FAKE_LOGIN_PATH}/${interaction.uid}` },
    // ID-porten's `sub` is a pairwise pseudonym, not the national id: the app must key on `pid`.
    findAccount: async (_ctx, id) => ({
      accountId: id,
      claims: async () => ({
        sub: `pairwise-${Buffer.from(id).toString('base64url')}`,
        pid: id,
        locale: 'nb',
      }),
    }),
    renderError: async (ctx, out) => {
      ctx.type = 'html'
      ctx.body = `<!doctype html><html lang="nb"><title>Innloggingsfeil</title><main><h1>Innlogging feilet</h1><p>${escapeHtml(String(out.error_description ?? out.error))}</p><p><a href="/">Til forsiden</a></p></main></html>`
    },
  }
  const provider = new Provider(issuer, configuration)
  provider.proxy = config.production
  // Real ID-porten always puts `sid` in the id_token (front-channel logout is keyed on it);
  // oidc-provider only does so for back-channel clients, so the fake says yes for every client.
  ;(provider.Client.prototype as unknown as { includeSid: () => boolean }).includeSid = () => true

  await app.register(middie)
  const callback = provider.callback()
  const endSession = `${FAKE_IDPORTEN_PATH}/session/end`
  app.use(FAKE_IDPORTEN_PATH, (req, res, next) => {
    if (req.method === 'POST' && req.originalUrl?.split('?')[0] === endSession) return next()
    return callback(req, res)
  })
  // oidc-provider takes end-session by POST only with SameSite=None cookies, which browsers drop
  // over plain http; so the fake reads the POSTed form and hands it to the provider as a GET
  // inside the server. The browser (and our app) still POST: nothing lands in a URL.
  app.post(endSession, { schema: { hide: true } }, async (req, reply) => {
    const form = new URLSearchParams(req.body as Record<string, string>)
    req.raw.method = 'GET'
    req.raw.url = `/session/end?${form}`
    reply.hijack()
    callback(req.raw, reply.raw)
  })

  app.get(`${FAKE_LOGIN_PATH}/:uid`, { schema: { hide: true } }, async (req, reply) => {
    const details = await provider.interactionDetails(req.raw, reply.raw)
    const identities = await listDemoIdentities(app.deps.db)
    return reply.type('text/html; charset=utf-8').send(renderPicker({ uid: details.uid, identities }))
  })

  const loginBody = z.object({ pid: z.string().trim().min(1).max(20) })
  app.post(`${FAKE_LOGIN_PATH}/:uid`, { schema: { hide: true } }, async (req, reply) => {
    const details = await provider.interactionDetails(req.raw, reply.raw)
    const parsed = loginBody.safeParse(req.body)
    const pid = parsed.success ? parsed.data.pid.replace(/\s/g, '') : ''
    const check = checkNationalIdForEnvironment(pid, config.testEnvironment || !config.production)
    if (!check.ok) {
      const identities = await listDemoIdentities(app.deps.db)
      return reply
        .status(400)
        .type('text/html; charset=utf-8')
        .send(renderPicker({ uid: details.uid, identities, error: check.message, typed: pid }))
    }
    // Answer with the level asked for, as ID-porten and Ansattporten do after a BankID login.
    const asked = String(details.params.acr_values ?? '').split(' ')
    const acr = asked.find((a) => FAKE_ACR_VALUES.includes(a)) ?? 'idporten-loa-high'
    const grant = new provider.Grant({ accountId: pid, clientId: String(details.params.client_id) })
    grant.addOIDCScope(String(details.params.scope ?? 'openid'))
    const grantId = await grant.save()
    reply.hijack()
    await provider.interactionFinished(
      req.raw,
      reply.raw,
      { login: { accountId: pid, acr, amr: ['BankID'] }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    )
  })
  return { issuer, clientId: FAKE_CLIENT.id, clientSecret: FAKE_CLIENT.secret }
}
