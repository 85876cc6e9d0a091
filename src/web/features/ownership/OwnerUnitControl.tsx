import { useMutation, useQueryClient } from '@tanstack/react-query'
import { ownerResult } from '../../../shared/api/ownership'
import { api } from '../../api/client'
import { ErrorAlert } from '../../components/ErrorAlert'
import { SelectField } from '../../components/SelectField'
import { useT } from '../../i18n'
import { useDefaultUnit } from './useOwnership'

/**
 * The unit that owns a case, contact or event; the tracer can move it to another unit of the
 * municipality (PUT /api/owner-unit/:type/:id, audited). `invalidate` refreshes the record.
 */
export function OwnerUnitControl({
  type,
  id,
  ownerUnit,
  invalidate,
}: {
  type: 'cases' | 'contacts' | 'events'
  id: string
  ownerUnit: string
  invalidate: readonly unknown[]
}) {
  const t = useT()
  const client = useQueryClient()
  const units = useDefaultUnit().data?.units ?? []
  const move = useMutation({
    mutationFn: (unit: string) =>
      api.put(`/api/owner-unit/${type}/${encodeURIComponent(id)}`, { unit }, ownerResult),
    onSuccess: () => client.invalidateQueries({ queryKey: invalidate }),
  })
  if (units.length <= 1) return null
  return (
    <div data-testid="owner-unit">
      <SelectField
        label={t('ownership.ownerUnit')}
        value={ownerUnit}
        disabled={move.isPending}
        onChange={(e) => move.mutate(e.target.value)}
      >
        {units.map((u) => (
          <option key={u.code} value={u.code}>
            {u.name}
          </option>
        ))}
      </SelectField>
      {move.isError && <ErrorAlert error={move.error} />}
    </div>
  )
}
