import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { defaultUnit } from '../../../shared/api/ownership'
import { api } from '../../api/client'

const key = ['ownership', 'default-unit'] as const

/** GET /api/me/default-unit — the user's default owner unit and the units to choose from. */
export function useDefaultUnit() {
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api.get('/api/me/default-unit', defaultUnit, signal),
  })
}

/** PUT /api/me/default-unit */
export function useSetDefaultUnit() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (unit: string | null) => api.put('/api/me/default-unit', { unit }, defaultUnit),
    onSuccess: (data) => client.setQueryData(key, data),
  })
}
