import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import {
  accessReview,
  createUserResponse,
  type deactivateUserBody,
  type reactivateUserBody,
  type UpdateUserInput,
  userDetail,
  userList,
} from '../../../shared/api/users'
import { api, withQuery } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'

/** The list's filters as they sit in the page's address. */
export interface UserFilter {
  q?: string
  role?: string
  status?: string
  page: number
  pageSize?: number
}

export const userPath = (id: string) => `/brukere/${encodeURIComponent(id)}`

export function useUserList(q: UserFilter) {
  return useQuery({
    queryKey: queryKeys.users.list(q),
    queryFn: ({ signal }) => api.get(withQuery('/api/users', { ...q }), userList, signal),
    placeholderData: keepPreviousData,
  })
}

export function useUser(id: string) {
  return useQuery({
    queryKey: queryKeys.users.detail(id),
    queryFn: ({ signal }) => api.get(`/api/users/${encodeURIComponent(id)}`, userDetail, signal),
  })
}

/** After a change: show the answer at once and refetch the lists. */
function useUserMutation<I>(call: (input: I) => Promise<z.infer<typeof userDetail>>) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: call,
    onSuccess: async (user) => {
      client.setQueryData(queryKeys.users.detail(user.id), user)
      await client.invalidateQueries({ queryKey: queryKeys.users.lists() })
      await client.invalidateQueries({ queryKey: queryKeys.users.reviews() })
    },
  })
}

export function useCreateUser() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: unknown) => api.post('/api/users', input, createUserResponse),
    onSuccess: async ({ user }) => {
      client.setQueryData(queryKeys.users.detail(user.id), user)
      await client.invalidateQueries({ queryKey: queryKeys.users.all() })
    },
  })
}

export const useUpdateUser = (id: string) =>
  useUserMutation((input: UpdateUserInput) =>
    api.patch(`/api/users/${encodeURIComponent(id)}`, input, userDetail),
  )

export const useDeactivateUser = (id: string) =>
  useUserMutation((input: z.input<typeof deactivateUserBody>) =>
    api.post(`/api/users/${encodeURIComponent(id)}/deactivate`, input, userDetail),
  )

export const useReactivateUser = (id: string) =>
  useUserMutation((input: z.input<typeof reactivateUserBody>) =>
    api.post(`/api/users/${encodeURIComponent(id)}/reactivate`, input, userDetail),
  )

export function useAccessReview(period: { from: string; to: string }) {
  return useQuery({
    queryKey: queryKeys.users.review(period),
    queryFn: ({ signal }) => api.get(withQuery('/api/access-review', period), accessReview, signal),
    placeholderData: keepPreviousData,
  })
}

export const accessReviewCsvHref = (period: { from: string; to: string }) =>
  withQuery('/api/access-review.csv', period)
