import { keepPreviousData, type QueryKey, useInfiniteQuery } from '@tanstack/react-query'
import type { z } from 'zod'
import { api, withQuery } from './client'

type QueryParams = Parameters<typeof withQuery>[1]

interface KeysetListOptions<T> {
  queryKey: QueryKey
  /** The list endpoint, e.g. `/api/cases`. */
  path: string
  /** Filters sent with every page (strings, numbers; `cursor` and `limit` are set here). */
  params: object
  schema: z.ZodType<T>
  limit: number
  enabled?: boolean
  /** Show the previous result while a new filter loads (default). */
  keepPrevious?: boolean
  staleTime?: number
  refetchOnWindowFocus?: boolean
}

/**
 * GET a keyset-paged list: `cursor` and `limit` are added to the filters, and "Vis flere"
 * (`fetchNextPage`) asks for the page after the last one's `nextCursor`.
 */
export function useKeysetList<T extends { nextCursor?: string | null }>(o: KeysetListOptions<T>) {
  const { queryKey, path, params, schema, limit, keepPrevious = true, ...rest } = o
  return useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) =>
      api.get(withQuery(path, { ...(params as QueryParams), cursor: pageParam, limit }), schema, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    ...(keepPrevious ? { placeholderData: keepPreviousData } : {}),
    ...rest,
  })
}
