import { z } from 'zod'

/**
 * Environment configuration, parsed once. Demo mode (default for `npm start`) runs on the
 * embedded PGlite database with a fake ID-porten; production mode demands explicit settings.
 */
const boolish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes')

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  APP_ENV: z.enum(['test', 'prod', 'demo']).optional(),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.string().url().optional(),
  DATABASE_URL: z.string().optional(),
  PGLITE_DIR: z.string().default('./data/pglite'),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** `transaction` behind PgBouncer in transaction mode: nothing kept per server session. */
  DATABASE_POOL_MODE: z.enum(['session', 'transaction']).default('session'),
  /** The owner's direct connection for migrations; default DATABASE_URL. */
  MIGRATION_DATABASE_URL: z.string().optional(),
  /** A read replica for aggregate-only reads (FHI views, dashboards, weekly report drafts). */
  REPORTING_DATABASE_URL: z.string().optional(),
  REPORTING_DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(5),
  /** Redis for state shared by instances (rate-limit counters); memory per instance without it. */
  REDIS_URL: z.string().optional(),
  /** Prefix of every Redis key, so several environments can share one Redis. */
  REDIS_KEY_PREFIX: z.string().default('smittespor:'),
  /** Months the audit log is kept; older month partitions are dropped whole (at least 120). */
  AUDIT_RETENTION_MONTHS: z.coerce.number().int().min(120).max(1200).default(120),
  SESSION_SECRET: z.string().min(32).optional(),
  DEMO_SEED: boolish.optional(),
  FAKE_IDPORTEN: boolish.optional(),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  /** Unset: `private_key_jwt` in production (Digdir's advice), `client_secret_post` elsewhere. */
  OIDC_CLIENT_AUTH: z.enum(['client_secret_post', 'private_key_jwt']).optional(),
  /** PKCS#8 PEM; its `kid` for the client's JWK set is OIDC_KEY_ID (default: the key's thumbprint). */
  OIDC_PRIVATE_KEY_FILE: z.string().optional(),
  OIDC_KEY_ID: z.string().optional(),
  /**
   * acr values asked for, space separated; the id_token's `acr` must be one of them. ID-porten:
   * `idporten-loa-high` (or `idporten-loa-substantial idporten-loa-high`); Ansattporten: `high`,
   * `substantial`.
   */
  OIDC_ACR_VALUES: z
    .string()
    .trim()
    .regex(/^[\w.:-]+( +[\w.:-]+)*$/, 'acr-verdier skilt med mellomrom')
    .default('idporten-loa-high')
    .transform((v) => v.split(/ +/)),
  OIDC_REDIRECT_URI: z.string().url().optional(),
  OIDC_POST_LOGOUT_REDIRECT_URI: z.string().url().optional(),
  // Requests per minute: login/callback per client IP; searches and exports per user.
  RATE_LIMIT_LOGIN_PER_MIN: z.coerce.number().int().min(1).default(30),
  RATE_LIMIT_SEARCH_PER_MIN: z.coerce.number().int().min(1).default(240),
  RATE_LIMIT_EXPORT_PER_MIN: z.coerce.number().int().min(1).default(30),
  /** Default: `info` in production; `warn` elsewhere, so `npm start` prints only its summary. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  WEB_DIST: z.string().default('./dist/web'),
  // Folkeregister (SPEC §7). Without FREG_BASE_URL: the in-repo fakes outside production, off in it.
  FREG_BASE_URL: z.string().url().optional(),
  FREG_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3000),
  FREG_BREAKER_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  FREG_BREAKER_OPEN_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  FAKE_FREG: boolish.optional(),
  /** Scheduled jobs (retention, follow-up generation, reminders …) in this instance. */
  JOBS_ENABLED: boolish.default(true),
  /** Seconds a resolved session may serve reads without a lookup (0 = off; default 5 in production). */
  SESSION_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).optional(),
  /** Maskinporten issuer, e.g. https://maskinporten.no/ — the token endpoint is discovered from it. */
  MASKINPORTEN_ISSUER: z.string().url().optional(),
  MASKINPORTEN_CLIENT_ID: z.string().optional(),
  /** The organisation's private key: PKCS#8 PEM or a private JWK (JSON). */
  MASKINPORTEN_KEY_FILE: z.string().optional(),
  /** kid of the key registered with the client in Maskinporten (a JWK's own kid is used if unset). */
  MASKINPORTEN_KID: z.string().optional(),
  MASKINPORTEN_SCOPE: z.string().default('folkeregister:deling/offentligmedhjemmel'),
})

type ParsedEnv = z.infer<typeof envSchema>
export type Env = Omit<ParsedEnv, 'LOG_LEVEL'> & { LOG_LEVEL: NonNullable<ParsedEnv['LOG_LEVEL']> }

export interface AppConfig {
  env: Env
  production: boolean
  /**
   * A training/test environment: only synthetic national ids are accepted anywhere, and the
   * training banner is shown. On with APP_ENV=test, and by default outside production (the demo
   * of `npm start` is a training environment); APP_ENV=prod turns it off outside production.
   */
  testEnvironment: boolean
  /** Demo data seeded and fake ID-porten offered. Never in production. */
  demo: boolean
  fakeIdporten: boolean
  publicUrl: string
  database:
    | { kind: 'pglite'; dataDir: string }
    | {
        kind: 'postgres'
        url: string
        poolSize: number
        poolMode: 'session' | 'transaction'
        migrationUrl: string
        reporting: { url: string; poolSize: number } | null
      }
  redisUrl: string | null
  sessionSecret: string
  /** How long a resolved session may serve GET requests from memory (auth/session-cache.ts). */
  sessionCacheMs: number
  freg: FregConfig
  oidc: { clientAuth: OidcClientAuth; acrValues: string[] }
}

export type OidcClientAuth = 'client_secret_post' | 'private_key_jwt'

/**
 * How Folkeregister lookups are made: against a real FREG with Maskinporten, against the in-repo
 * fakes mounted in this app (demo and tests, never production), or not at all.
 */
export type FregConfig = {
  timeoutMs: number
  breaker: { failures: number; openMs: number }
} & (
  | { mode: 'off' }
  | { mode: 'fake' }
  | {
      mode: 'remote'
      baseUrl: string
      maskinporten: { issuer: string; clientId: string; keyFile: string; kid?: string; scope: string }
    }
)

export class ConfigError extends Error {}

const DEV_SESSION_SECRET = 'dev-only-session-secret-not-for-production-use!!'

/** Parses and checks the environment; throws ConfigError listing everything missing at once. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(source)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`)
    throw new ConfigError(`Ugyldig konfigurasjon:\n${lines.join('\n')}`)
  }
  const production = parsed.data.NODE_ENV === 'production'
  const env: Env = { ...parsed.data, LOG_LEVEL: parsed.data.LOG_LEVEL ?? (production ? 'info' : 'warn') }
  if (production) {
    const missing: string[] = []
    if (!env.DATABASE_URL) missing.push('DATABASE_URL (PostgreSQL connection string)')
    if (!env.SESSION_SECRET) missing.push('SESSION_SECRET (at least 32 characters)')
    if (!env.OIDC_ISSUER) missing.push('OIDC_ISSUER (ID-porten issuer URL)')
    if (!env.OIDC_CLIENT_ID) missing.push('OIDC_CLIENT_ID')
    // Digdir recommends private_key_jwt: a shared secret is used only when asked for by name.
    if (env.OIDC_CLIENT_AUTH === 'client_secret_post' && !env.OIDC_CLIENT_SECRET)
      missing.push('OIDC_CLIENT_SECRET (with OIDC_CLIENT_AUTH=client_secret_post)')
    if (env.OIDC_CLIENT_AUTH !== 'client_secret_post' && !env.OIDC_PRIVATE_KEY_FILE)
      missing.push(
        'OIDC_PRIVATE_KEY_FILE (private_key_jwt is required in production; OIDC_CLIENT_AUTH=client_secret_post with OIDC_CLIENT_SECRET to use a secret)',
      )
    if (!env.OIDC_REDIRECT_URI) missing.push('OIDC_REDIRECT_URI')
    if (!env.PUBLIC_URL) missing.push('PUBLIC_URL')
    if (env.FAKE_IDPORTEN) missing.push('FAKE_IDPORTEN must not be set in production')
    if (env.DEMO_SEED) missing.push('DEMO_SEED must not be set in production')
    if (env.FAKE_FREG) missing.push('FAKE_FREG must not be set in production')
    missing.push(...missingFregSettings(env))
    if (missing.length > 0) {
      throw new ConfigError(
        `Smittespor starter ikke i produksjonsmodus. Mangler eller feil:\n${missing.map((m) => `  - ${m}`).join('\n')}`,
      )
    }
  }
  if (!production && env.OIDC_CLIENT_AUTH === 'private_key_jwt' && !env.OIDC_PRIVATE_KEY_FILE)
    throw new ConfigError(
      'Ugyldig konfigurasjon:\n  - OIDC_PRIVATE_KEY_FILE (with OIDC_CLIENT_AUTH=private_key_jwt)',
    )
  const publicUrl = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`
  return {
    env,
    production,
    testEnvironment: env.APP_ENV === 'test' || (!production && env.APP_ENV !== 'prod'),
    demo: !production && (env.DEMO_SEED ?? true),
    fakeIdporten: !production && (env.FAKE_IDPORTEN ?? true),
    publicUrl,
    database: env.DATABASE_URL
      ? {
          kind: 'postgres',
          url: env.DATABASE_URL,
          poolSize: env.DB_POOL_SIZE,
          poolMode: env.DATABASE_POOL_MODE,
          migrationUrl: env.MIGRATION_DATABASE_URL || env.DATABASE_URL,
          reporting: env.REPORTING_DATABASE_URL
            ? { url: env.REPORTING_DATABASE_URL, poolSize: env.REPORTING_DB_POOL_SIZE }
            : null,
        }
      : { kind: 'pglite', dataDir: env.PGLITE_DIR },
    redisUrl: env.REDIS_URL || null,
    sessionSecret: env.SESSION_SECRET ?? DEV_SESSION_SECRET,
    sessionCacheMs: (env.SESSION_CACHE_SECONDS ?? (production ? 5 : 0)) * 1000,
    freg: fregConfig(env, production),
    oidc: {
      clientAuth: env.OIDC_CLIENT_AUTH ?? (production ? 'private_key_jwt' : 'client_secret_post'),
      acrValues: env.OIDC_ACR_VALUES,
    },
  }
}

/** A real FREG needs every Maskinporten setting; named so the operator sees all gaps at once. */
function missingFregSettings(env: Env): string[] {
  if (!env.FREG_BASE_URL) return []
  const missing: string[] = []
  if (!env.MASKINPORTEN_ISSUER) missing.push('MASKINPORTEN_ISSUER (with FREG_BASE_URL)')
  if (!env.MASKINPORTEN_CLIENT_ID) missing.push('MASKINPORTEN_CLIENT_ID (with FREG_BASE_URL)')
  if (!env.MASKINPORTEN_KEY_FILE) missing.push('MASKINPORTEN_KEY_FILE (with FREG_BASE_URL)')
  return missing
}

function fregConfig(env: Env, production: boolean): FregConfig {
  const common = {
    timeoutMs: env.FREG_TIMEOUT_MS,
    breaker: { failures: env.FREG_BREAKER_FAILURES, openMs: env.FREG_BREAKER_OPEN_MS },
  }
  if (env.FREG_BASE_URL) {
    const missing = missingFregSettings(env)
    if (missing.length > 0)
      throw new ConfigError(`Ugyldig konfigurasjon:\n${missing.map((m) => `  - ${m}`).join('\n')}`)
    return {
      ...common,
      mode: 'remote',
      baseUrl: env.FREG_BASE_URL,
      maskinporten: {
        issuer: env.MASKINPORTEN_ISSUER!,
        clientId: env.MASKINPORTEN_CLIENT_ID!,
        keyFile: env.MASKINPORTEN_KEY_FILE!,
        ...(env.MASKINPORTEN_KID ? { kid: env.MASKINPORTEN_KID } : {}),
        scope: env.MASKINPORTEN_SCOPE,
      },
    }
  }
  return { ...common, mode: !production && (env.FAKE_FREG ?? true) ? 'fake' : 'off' }
}
