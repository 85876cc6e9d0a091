import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  documentView,
  type LetterCreate,
  type MeasureAdjust,
  type MeasureBoardName,
  type MeasureCancel,
  type MeasureCreate,
  type MeasureExempt,
  type MeasureKind,
  measureBoard,
  measureList,
  measurePreview,
  measureView,
} from '../../../shared/api/measures'
import { api, withQuery } from '../../api/client'
import { invalidate, queryKeys } from '../../api/queryKeys'
import { useKeysetList } from '../../api/useKeysetList'

export type MeasureFilter = { personId?: string; caseId?: string; contactId?: string }

/** Where the browser downloads a stored letter (the server audits the read). */
export const documentHref = (id: string) => `/api/documents/${encodeURIComponent(id)}/content`

/** Current and past measures of one case, contact or person. */
export function useMeasureList(filter: MeasureFilter) {
  return useQuery({
    queryKey: queryKeys.measures.list(filter),
    queryFn: ({ signal }) => api.get(withQuery('/api/measures', filter), measureList, signal),
  })
}

/** The dates the rules would give, before the tracer starts the measure. */
export function useMeasurePreview(
  q: { kind: MeasureKind; caseId?: string; contactId?: string },
  enabled: boolean,
) {
  return useQuery({
    queryKey: queryKeys.measures.preview(q),
    queryFn: ({ signal }) => api.get(withQuery('/api/measures/preview', q), measurePreview, signal),
    enabled,
  })
}

/** After any measure write: every measure list and the follow-up worklist may have changed. */
function useInvalidate() {
  const queryClient = useQueryClient()
  return () => {
    void invalidate(
      queryClient,
      queryKeys.measures.all(),
      queryKeys.followUps.all(),
      queryKeys.cases.details(),
    )
  }
}

export function useStartMeasure() {
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: (body: MeasureCreate) => api.post('/api/measures', body, measureView),
    onSuccess: invalidate,
  })
}

export type MeasureChange =
  | ({ kind: 'adjust' } & MeasureAdjust)
  | ({ kind: 'cancel' } & MeasureCancel)
  | ({ kind: 'exempt' } & MeasureExempt)

export function useChangeMeasure(id: string) {
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: ({ kind, ...body }: MeasureChange) =>
      api.post(`/api/measures/${encodeURIComponent(id)}/${kind}`, body, measureView),
    onSuccess: invalidate,
  })
}

export function useCreateLetter(measureId: string) {
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: (body: LetterCreate) =>
      api.post(`/api/measures/${encodeURIComponent(measureId)}/letters`, body, documentView),
    onSuccess: invalidate,
  })
}

export function useMeasureBoard(list: MeasureBoardName, kind?: MeasureKind) {
  return useKeysetList({
    queryKey: queryKeys.measures.board(list, kind),
    path: `/api/measures/lists/${list}`,
    params: { kind },
    schema: measureBoard,
    limit: 50,
  })
}
