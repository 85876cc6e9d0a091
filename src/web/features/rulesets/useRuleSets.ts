import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  type RuleSetCreate,
  type RuleSetUpdate,
  ruleSetHistory,
  ruleSetList,
  ruleSetView,
} from '../../../shared/api/rulesets'
import { api } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'

export function useRuleSets() {
  return useQuery({
    queryKey: queryKeys.ruleSets.list(),
    queryFn: ({ signal }) => api.get('/api/rulesets', ruleSetList, signal),
  })
}

export function useRuleSetHistory(id: string | null) {
  return useQuery({
    queryKey: queryKeys.ruleSets.history(id ?? ''),
    queryFn: ({ signal }) =>
      api.get(`/api/rulesets/${encodeURIComponent(id!)}/history`, ruleSetHistory, signal),
    enabled: !!id,
  })
}

function useInvalidate() {
  const queryClient = useQueryClient()
  return () => void queryClient.invalidateQueries({ queryKey: queryKeys.ruleSets.all() })
}

/** Create (`isNew`) or update (the body carries the version read) a rule set. */
export function useSaveRuleSet() {
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: (input: { id: string; body: RuleSetCreate | RuleSetUpdate; isNew: boolean }) =>
      input.isNew
        ? api.post('/api/rulesets', input.body, ruleSetView)
        : api.put(`/api/rulesets/${encodeURIComponent(input.id)}`, input.body, ruleSetView),
    onSuccess: invalidate,
  })
}

export function useDeleteRuleSet() {
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: (input: { id: string; version: number }) =>
      api.delete(`/api/rulesets/${encodeURIComponent(input.id)}?version=${input.version}`),
    onSuccess: invalidate,
  })
}
