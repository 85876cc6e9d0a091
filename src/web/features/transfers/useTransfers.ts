import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { orgUnitList } from '../../../shared/api/org-units'
import {
  type TransferCreate,
  type TransferListQuery,
  transferCounts,
  transferList,
  transferView,
} from '../../../shared/api/transfers'
import { api, withQuery } from '../../api/client'
import { invalidate, queryKeys } from '../../api/queryKeys'
import { useKeysetList } from '../../api/useKeysetList'

const PAGE_SIZE = 25

export function useTransferList(query: TransferListQuery) {
  return useKeysetList({
    queryKey: queryKeys.transfers.list(query),
    path: '/api/transfers',
    params: query,
    schema: transferList,
    limit: PAGE_SIZE,
  })
}

export function useTransferCounts() {
  return useQuery({
    queryKey: queryKeys.transfers.counts(),
    queryFn: ({ signal }) => api.get('/api/transfers/counts', transferCounts, signal),
  })
}

/** Municipalities that use Smittespor (the only ones a transfer can go to). */
export function useActiveKommuner() {
  return useQuery({
    queryKey: queryKeys.orgUnits.list({ kind: 'kommune', status: 'active' }),
    queryFn: ({ signal }) =>
      api.get(withQuery('/api/org-units', { kind: 'kommune', status: 'active' }), orgUnitList, signal),
    staleTime: 5 * 60_000,
  })
}

function useTransfersChanged() {
  const queryClient = useQueryClient()
  return () => {
    void invalidate(
      queryClient,
      queryKeys.transfers.all(),
      queryKeys.worklists.all(),
      queryKeys.cases.all(),
      queryKeys.contacts.all(),
      queryKeys.events.all(),
      queryKeys.chains.all(),
    )
  }
}

export function useCreateTransfer() {
  const changed = useTransfersChanged()
  return useMutation({
    mutationFn: (body: TransferCreate) => api.post('/api/transfers', body, transferView),
    onSuccess: changed,
  })
}

export function useDecideTransfer() {
  const changed = useTransfersChanged()
  return useMutation({
    mutationFn: ({
      id,
      action,
      ...body
    }: {
      id: string
      action: 'accept' | 'reject' | 'cancel'
      version: number
      reason?: string
    }) => api.post(`/api/transfers/${encodeURIComponent(id)}/${action}`, body, transferView),
    onSuccess: changed,
  })
}
