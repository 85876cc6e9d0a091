import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  type ImportMode,
  type ImportRun,
  importRowPage,
  importRun,
  importRunList,
  mappingPresetList,
  type SheetMapping,
} from '../../../shared/api/imports'
import { ApiError, api, CSRF_COOKIE, readCookie, withQuery } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'

/** States in which a background step runs: the page polls until it is done. */
export const BUSY: ImportRun['state'][] = ['validate_queued', 'validating', 'commit_queued', 'committing']

export function useImportList() {
  return useQuery({
    queryKey: queryKeys.imports.all(),
    queryFn: ({ signal }) => api.get('/api/imports', importRunList, signal),
    refetchInterval: (q) => (q.state.data?.items.some((r) => BUSY.includes(r.state)) ? 2000 : false),
  })
}

export function useImportRun(id: string) {
  return useQuery({
    queryKey: queryKeys.imports.run(id),
    queryFn: ({ signal }) => api.get(`/api/imports/${encodeURIComponent(id)}`, importRun, signal),
    refetchInterval: (q) => (q.state.data && BUSY.includes(q.state.data.state) ? 1000 : false),
  })
}

export function useImportRows(id: string, limit: number, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.imports.rows(id, limit),
    queryFn: ({ signal }) =>
      api.get(
        withQuery(`/api/imports/${encodeURIComponent(id)}/rows`, { withIssues: 'true', limit }),
        importRowPage,
        signal,
      ),
    enabled,
  })
}

/** POST /api/imports as multipart/form-data (the JSON client does not send files). */
export function useUpload() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (file: File) => {
      const form = new FormData()
      form.append('file', file, file.name)
      const headers: Record<string, string> = { accept: 'application/json, application/problem+json' }
      const csrf = readCookie(CSRF_COOKIE)
      if (csrf) headers['x-csrf-token'] = csrf
      const res = await fetch('/api/imports', {
        method: 'POST',
        body: form,
        headers,
        credentials: 'same-origin',
      })
      const body = await res.json().catch(() => null)
      if (!res.ok) throw new ApiError(res.status, body)
      return importRun.parse(body)
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.imports.all() }),
  })
}

function useRunMutation<T>(id: string, fn: (arg: T) => Promise<ImportRun>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: (run) => {
      queryClient.setQueryData(queryKeys.imports.run(id), run)
      void queryClient.invalidateQueries({ queryKey: queryKeys.imports.all() })
    },
  })
}

export const useSaveMapping = (id: string) =>
  useRunMutation(id, ({ sheets, saveAs }: { sheets: SheetMapping[]; saveAs?: string }) =>
    api.put(
      `/api/imports/${encodeURIComponent(id)}/mapping`,
      { sheets, save: true, ...(saveAs ? { saveAs } : {}) },
      importRun,
    ),
  )

/** The municipality's named mappings. */
export function useMappingPresets() {
  return useQuery({
    queryKey: queryKeys.imports.mappings(),
    queryFn: ({ signal }) => api.get('/api/imports/mappings', mappingPresetList, signal),
  })
}

export const useApplyPreset = (id: string) =>
  useRunMutation(id, (presetId: string) =>
    api.post(`/api/imports/${encodeURIComponent(id)}/mapping/preset`, { presetId }, importRun),
  )
export const useValidate = (id: string) =>
  useRunMutation(id, () => api.post(`/api/imports/${encodeURIComponent(id)}/validate`, undefined, importRun))
export const useCommit = (id: string) =>
  useRunMutation(id, (mode: ImportMode) =>
    api.post(`/api/imports/${encodeURIComponent(id)}/commit`, { mode }, importRun),
  )
export const useCancel = (id: string) =>
  useRunMutation(id, () => api.post(`/api/imports/${encodeURIComponent(id)}/cancel`, undefined, importRun))
