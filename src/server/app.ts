import fastifyCookie from '@fastify/cookie'
import fastifyFormbody from '@fastify/formbody'
import fastifySwagger from '@fastify/swagger'
import fastifySwaggerUi from '@fastify/swagger-ui'
import Fastify from 'fastify'
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod'
import { installNorwegianZodMessages } from '../shared/api/zod-nb'
import { authRoutes } from './auth/auth.routes'
import { FAKE_CLIENT, FAKE_IDPORTEN_PATH, FAKE_JWT_CLIENT } from './auth/fake-idporten.constants'
import { createOidcClient, type OidcSettings } from './auth/oidc'
import { registerAuth } from './auth/plugin'
import { registerSessionFirst } from './auth/session-first'
import type { AppConfig } from './config'
import type { Database } from './db/kysely'
import { registerAccessDeniedAudit } from './features/audit-log/access-denied'
import { auditLogRoutes } from './features/audit-log/audit-log.routes'
import { caseRoutes } from './features/cases/cases.routes'
import { chainRoutes } from './features/chains/chains.routes'
import { contactRoutes } from './features/contacts/contacts.routes'
import { dashboardRoutes } from './features/dashboards/dashboards.routes'
import { eventRoutes } from './features/events/events.routes'
import { exportRoutes } from './features/exports/exports.routes'
import { fhiRoutes } from './features/fhi/fhi.routes'
import { flagRoutes } from './features/flags/flags.routes'
import { followUpRoutes } from './features/followups/followups.routes'
import { fregRoutes } from './features/freg/freg.routes'
import { healthRoutes } from './features/health/health.routes'
import { importRoutes } from './features/imports/imports.routes'
import { innsynExportRoutes } from './features/innsyn-export/innsyn-export.routes'
import { letterRoutes } from './features/letters/letters.routes'
import { measureRoutes } from './features/measures/measures.routes'
import { onboardingRoutes } from './features/onboarding/onboarding.routes'
import { orgUnitRoutes } from './features/org-units/org-units.routes'
import { outboxRoutes } from './features/outbox/outbox.routes'
import { ownershipRoutes } from './features/ownership/ownership.routes'
import { personRoutes } from './features/persons/persons.routes'
import { reportRoutes } from './features/reports/reports.routes'
import { retentionRoutes } from './features/retention/retention.routes'
import { ruleSetRoutes } from './features/rulesets/rulesets.routes'
import { transferRoutes } from './features/transfers/transfers.routes'
import { userRoutes } from './features/users/users.routes'
import { worklistRoutes } from './features/worklists/worklists.routes'
import { registerErrorHandler, registerNotFound } from './http/error-handler'
import { registerHostileTextCheck } from './http/hostile-text'
import { registerSecurity } from './http/security'
import { registerCanonicalHost, registerSpa } from './http/spa'
import type { App, AppDeps } from './http/types'
import { jobs } from './jobs'
import { JobRuntime } from './jobs/runtime'
import { loggerOptions } from './logger'

export interface BuildAppOptions {
  config: AppConfig
  db: Database
  /** The read replica for aggregate-only reads (REPORTING_DATABASE_URL); default db. */
  reportingDb?: Database
  /** Serve the built SPA from config.env.WEB_DIST (off in API tests). */
  serveWeb?: boolean
  logger?: boolean
}

/** Builds the whole application without listening: main.ts listens, tests use app.inject. */
export async function buildApp(options: BuildAppOptions): Promise<App> {
  const { config, db } = options
  installNorwegianZodMessages()
  const app = Fastify({
    logger: options.logger === false ? false : loggerOptions(config.env.LOG_LEVEL),
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    trustProxy: config.production,
    bodyLimit: 1024 * 1024,
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>()

  let shuttingDown = false
  const deps: AppDeps = {
    db,
    config,
    jobs: new JobRuntime({ db, config, definitions: jobs, log: app.log }),
    reportingDb: options.reportingDb ?? db,
    shuttingDown: () => shuttingDown,
    markShuttingDown: () => {
      shuttingDown = true
    },
  }
  app.decorate('deps', deps)
  app.addHook('onClose', async () => deps.markShuttingDown())
  // Running jobs finish their transactions before the database goes away.
  app.addHook('onClose', async () => deps.jobs.stop())
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id)
  })

  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  registerErrorHandler(app)
  registerHostileTextCheck(app)

  if (!config.production) registerCanonicalHost(app, config.publicUrl)
  registerAccessDeniedAudit(app)
  await registerSecurity(app, config)
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Smittespor API', version: '1', description: 'Smittesporing for kommuner' },
      servers: [{ url: config.publicUrl }],
    },
    transform: jsonSchemaTransform,
  })
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' })
  await app.register(fastifyCookie, { secret: config.sessionSecret })
  await app.register(fastifyFormbody)

  await app.register(registerAuth)
  registerSessionFirst(app)
  if (config.fakeIdporten) {
    // Loaded only when enabled: oidc-provider and @fastify/middie never load in production.
    const { registerFakeIdporten } = await withoutRuntimeNotice(() => import('./auth/fake-idporten'))
    await registerFakeIdporten(app)
  }
  await authRoutes(app, createOidcClient(oidcSettings(config)))

  await app.register(healthRoutes)
  await app.register(orgUnitRoutes)
  await app.register(userRoutes)
  await app.register(onboardingRoutes)
  await app.register(personRoutes)
  await app.register(fregRoutes)
  await app.register(caseRoutes)
  await app.register(contactRoutes)
  await app.register(worklistRoutes)
  await app.register(eventRoutes)
  await app.register(chainRoutes)
  await app.register(transferRoutes)
  await app.register(flagRoutes)
  await app.register(ruleSetRoutes)
  await app.register(measureRoutes)
  await app.register(followUpRoutes)
  await app.register(letterRoutes)
  await app.register(outboxRoutes)

  const spa = options.serveWeb !== false && (await registerSpa(app, config.env.WEB_DIST))
  await app.register(auditLogRoutes)
  await app.register(importRoutes)
  await app.register(exportRoutes)
  await app.register(retentionRoutes)
  await app.register(innsynExportRoutes)
  await app.register(reportRoutes)
  await app.register(fhiRoutes)
  await app.register(ownershipRoutes)
  await app.register(dashboardRoutes)
  registerNotFound(app, spa)
  return app
}

/** Real ID-porten from OIDC_* settings, or the in-repo fake when it is enabled and none is set. */
function oidcSettings(config: AppConfig): OidcSettings {
  const e = config.env
  const useFake = !e.OIDC_ISSUER && config.fakeIdporten
  const { clientAuth, acrValues } = config.oidc
  const fakeClientId = clientAuth === 'private_key_jwt' ? FAKE_JWT_CLIENT.id : FAKE_CLIENT.id
  return {
    issuer: useFake
      ? `${config.publicUrl}${FAKE_IDPORTEN_PATH}`
      : (e.OIDC_ISSUER ?? `${config.publicUrl}${FAKE_IDPORTEN_PATH}`),
    clientId: useFake ? fakeClientId : (e.OIDC_CLIENT_ID ?? ''),
    clientAuth,
    clientSecret: useFake ? FAKE_CLIENT.secret : e.OIDC_CLIENT_SECRET,
    privateKeyFile: e.OIDC_PRIVATE_KEY_FILE,
    keyId: e.OIDC_KEY_ID,
    acrValues,
    redirectUri: e.OIDC_REDIRECT_URI ?? `${config.publicUrl}/auth/callback`,
    postLogoutRedirectUri: e.OIDC_POST_LOGOUT_REDIRECT_URI ?? `${config.publicUrl}/logget-ut`,
    allowHttp: useFake || !config.production,
  }
}

/**
 * oidc-provider warns "Unsupported runtime" at import on Node 20 (still within `engines`); the
 * README already says to run Node 24. That one line is dropped so `npm start` stays quiet; every
 * other warning passes through.
 */
async function withoutRuntimeNotice<T>(load: () => Promise<T>): Promise<T> {
  const out = globalThis.console
  const warn = out.warn
  out.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes('oidc-provider WARNING: Unsupported runtime')) return
    warn(...args)
  }
  try {
    return await load()
  } finally {
    out.warn = warn
  }
}
