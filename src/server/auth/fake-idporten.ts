import { randomBytes } from 'node:crypto'
import middie from '@fastify/middie'
import Provider, { type Configuration } from 'oidc-provider'
import { z } from 'zod'
import type { App } from '../http/types'
import { escapeHtml, renderPicker } from './fake-idporten.page'
import { listDemoIdentities } from './identities'
import { checkNationalIdForEnvironment } from './pid-policy'

export const FAKE_IDPORTEN_PATH = '/idporten-fake'
export const FAKE_LOGIN_PATH = '/idporten-fake-login'
export const FAKE_CLIENT = { id: 'smittespor-demo', secret: 'demo-only-client-secret-not-for-production' }

/**
 * A local stand-in for ID-porten built on oidc-provider, for demo mode and tests only (refused in
 * production). Same protocol surface the app relies on: discovery, authorization code + PKCE,
 * `acr_values`, id_token with `pid`, `acr`, `amr`, `locale`, `sid`, RFC 9207 `iss` in the
 * authorization response, and RP-initiated logout.
 */
export async function registerFakeIdporten(app: App) {
  const { config } = app.deps
  if (config.production) throw new Error('Fake ID-porten cannot run in production mode')
  const issuer = `${config.publicUrl}${FAKE_IDPORTEN_PATH}`
  const configuration: Configuration = {
    clients: [
      {
        client_id: FAKE_CLIENT.id,
        client_secret: FAKE_CLIENT.secret,
        redirect_uris: [`${config.publicUrl}/auth/callback`],
        post_logout_redirect_uris: [`${config.publicUrl}/`, `${config.publicUrl}/logget-ut`],
        token_endpoint_auth_method: 'client_secret_post',
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub', 'pid', 'locale', 'acr', 'amr', 'auth_time', 'sid'] },
    conformIdTokenClaims: false,
    acrValues: ['idporten-loa-substantial', 'idporten-loa-high'],
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: true },
      resourceIndicators: { enabled: false },
    },
    cookies: { keys: [randomBytes(32).toString('hex')] },
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
  app.use(FAKE_IDPORTEN_PATH, provider.callback())

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
    const grant = new provider.Grant({ accountId: pid, clientId: String(details.params.client_id) })
    grant.addOIDCScope(String(details.params.scope ?? 'openid'))
    const grantId = await grant.save()
    reply.hijack()
    await provider.interactionFinished(
      req.raw,
      reply.raw,
      { login: { accountId: pid, acr: 'idporten-loa-high', amr: ['BankID'] }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    )
  })
  return { issuer, clientId: FAKE_CLIENT.id, clientSecret: FAKE_CLIENT.secret }
}
