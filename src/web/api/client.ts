import type { z } from 'zod'

/** A field error from a problem+json response; `path` is e.g. `body.name`. */
export interface ApiFieldError {
  path: string
  message: string
}

/** RFC 9457 problem+json as rendered by the server's error handler. */
export interface Problem {
  type: string
  code: string
  status: number
  title: string
  detail?: string
  errors?: ApiFieldError[]
  [extra: string]: unknown
}

/**
 * Any failed API call. `problem` is set when the server answered with problem+json, so `title`
 * is a safe Norwegian message to show; otherwise `code` is `network` (no answer) or `http`.
 */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly title: string
  readonly detail: string | undefined
  readonly errors: ApiFieldError[]
  readonly problem: Problem | null

  constructor(status: number, problem: Problem | null, fallbackCode = 'http') {
    super(problem?.title ?? `HTTP ${status}`)
    this.name = 'ApiError'
    this.status = status
    this.problem = problem
    this.code = problem?.code ?? fallbackCode
    this.title = problem?.title ?? ''
    this.detail = problem?.detail
    this.errors = problem?.errors ?? []
  }

  get isNetworkError() {
    return this.code === 'network'
  }

  /** The message for one field (`body.name` or just `name`), for showing it on the field. */
  fieldError(path: string): string | undefined {
    return this.errors.find((e) => e.path === path || e.path.endsWith(`.${path}`))?.message
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError
}

/** Set by the server next to the (httpOnly) session cookie, readable by scripts for double submit. */
export const CSRF_COOKIE = 'csrf'
const CSRF_HEADER = 'x-csrf-token'

export function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return decodeURIComponent(rest.join('='))
  }
  return undefined
}

function isProblem(value: unknown): value is Problem {
  const v = value as Partial<Problem> | null
  return typeof v === 'object' && v !== null && typeof v.title === 'string' && typeof v.status === 'number'
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined
  const type = response.headers.get('content-type') ?? ''
  if (!type.includes('json')) return undefined
  try {
    return await response.json()
  } catch {
    return undefined
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  body?: unknown
  signal?: AbortSignal
}

/**
 * Calls the API with JSON in and out, the session cookie and the CSRF header. Resolves with the
 * parsed body (checked against `schema` when given) or rejects with an ApiError.
 */
export async function apiFetch<T = unknown>(
  path: string,
  options: RequestOptions = {},
  schema?: z.ZodType<T>,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' }
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  const csrf = readCookie(CSRF_COOKIE)
  if (csrf) headers[CSRF_HEADER] = csrf

  let response: Response
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    })
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err
    throw new ApiError(0, null, 'network')
  }

  const body = await readBody(response)
  if (!response.ok) throw new ApiError(response.status, isProblem(body) ? body : null)
  return schema ? schema.parse(body) : (body as T)
}

/** Shorthands; `schema` validates (and types) the response. */
export const api = {
  get: <T>(path: string, schema?: z.ZodType<T>, signal?: AbortSignal) => apiFetch(path, { signal }, schema),
  post: <T>(path: string, body?: unknown, schema?: z.ZodType<T>) =>
    apiFetch(path, { method: 'POST', body }, schema),
  put: <T>(path: string, body?: unknown, schema?: z.ZodType<T>) =>
    apiFetch(path, { method: 'PUT', body }, schema),
  patch: <T>(path: string, body?: unknown, schema?: z.ZodType<T>) =>
    apiFetch(path, { method: 'PATCH', body }, schema),
  delete: <T>(path: string, schema?: z.ZodType<T>) => apiFetch(path, { method: 'DELETE' }, schema),
}

/** Builds `path?a=1&b=2`, leaving out empty values. */
export function withQuery(path: string, params: Record<string, string | number | undefined | null>) {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value))
  }
  const qs = search.toString()
  return qs ? `${path}?${qs}` : path
}
