import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useLocation } from 'react-router'
import { z } from 'zod'
import { metaResponse, type SessionResponse, sessionResponse } from '../../shared/api/session'
import { useI18n } from '../i18n'
import { ApiError, api, CSRF_COOKIE, readCookie } from './client'
import { isTenantQuery, queryKeys } from './queryKeys'

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'authenticated'; session: SessionResponse }

async function fetchSession(signal: AbortSignal): Promise<SessionResponse | null> {
  // The csrf cookie lives exactly as long as a login: without it there is no session to ask for
  // (and the browser console stays free of an expected 401).
  if (!readCookie(CSRF_COOKIE)) return null
  try {
    return await api.get('/api/session', sessionResponse, signal)
  } catch (err) {
    // 401: not logged in. 404: an older server without the endpoint. Both mean "offer login".
    if (err instanceof ApiError && (err.status === 401 || err.status === 404)) return null
    throw err
  }
}

/**
 * The logged-in user (`GET /api/session`), or anonymous. Any failure counts as anonymous, so a
 * broken session endpoint never breaks the page around it.
 */
export function useSession(): SessionState {
  const query = useQuery({
    queryKey: queryKeys.session(),
    queryFn: ({ signal }) => fetchSession(signal),
    retry: false,
    staleTime: 60_000,
  })
  if (query.isPending) return { status: 'loading' }
  return query.data ? { status: 'authenticated', session: query.data } : { status: 'anonymous' }
}

/** `GET /api/meta`: public facts about this installation (test environment, login URL). */
export function useMeta() {
  return useQuery({
    queryKey: queryKeys.meta(),
    queryFn: ({ signal }) => api.get('/api/meta', metaResponse, signal),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  })
}

/** True when either /api/meta or the session says this is a test environment. */
export function useTestEnvironment(): boolean {
  const meta = useMeta()
  const session = useSession()
  return (
    meta.data?.testEnvironment === true ||
    (session.status === 'authenticated' && session.session.testEnvironment)
  )
}

const DEFAULT_LOGIN_URL = '/auth/login'

/**
 * Login link that brings the user back to `returnTo` (default: this page), with ID-porten in the
 * current language.
 */
export function useLoginHref(returnTo?: string): string {
  const { pathname, search } = useLocation()
  const { language } = useI18n()
  const base = useMeta().data?.loginUrl ?? DEFAULT_LOGIN_URL
  const params = new URLSearchParams({ returnTo: returnTo ?? pathname + search, lang: language })
  return `${base}?${params}`
}

/** Ends the session here and at ID-porten: the server answers with where to go next. */
export function useLogout() {
  return useMutation({
    mutationFn: () => api.post('/api/session/logout', undefined, z.object({ redirectTo: z.string() })),
    onSuccess: ({ redirectTo }) => window.location.assign(redirectTo),
    onError: (err) => {
      // Already logged out (the session expired): a fresh page shows the real state.
      if (err instanceof ApiError && err.status === 401) window.location.assign('/')
    },
  })
}

/** Switches the active municipality; every cached query may hold the previous tenant's data. */
export function useSelectKommune() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (kommune: string) => api.put('/api/session/active-kommune', { kommune }, sessionResponse),
    onSuccess: async (session) => {
      queryClient.setQueryData(queryKeys.session(), session)
      await queryClient.invalidateQueries({ predicate: (query) => isTenantQuery(query.queryKey) })
    },
  })
}
