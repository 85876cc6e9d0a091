import { Button } from '@digdir/designsystemet-react'
import { useQuery } from '@tanstack/react-query'
import { assignableUsers } from '../../../shared/api/users'
import { api } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'
import { SelectField } from '../../components/SelectField'
import { useT } from '../../i18n'

/** GET /api/users/assignable: the municipality's tracers and administrators. */
export function useAssignableUsers() {
  return useQuery({
    queryKey: queryKeys.users.assignable(),
    queryFn: ({ signal }) => api.get('/api/users/assignable', assignableUsers, signal),
    staleTime: 60_000,
  })
}

/**
 * Who follows the record up: a select of everyone who can take it (choosing applies at once) and
 * the "Tildel meg" shortcut. `onAssign(null)` unassigns.
 */
export function AssigneeControl({
  assignedTo,
  meId,
  busy,
  onAssign,
}: {
  assignedTo: { id: string; name: string } | null
  meId: string | null
  busy: boolean
  onAssign: (userId: string | null) => void
}) {
  const t = useT()
  const users = useAssignableUsers()
  const options = users.data?.items ?? []
  // The current assignee stays selectable even if their role has ended since.
  const shown =
    assignedTo && !options.some((u) => u.id === assignedTo.id) ? [assignedTo, ...options] : options
  return (
    <div className="cw-actions">
      <SelectField
        label={t('case.assignee')}
        description={users.isPending ? t('case.assigneesLoading') : undefined}
        value={assignedTo?.id ?? ''}
        disabled={busy || users.isPending}
        onChange={(e) => onAssign(e.target.value || null)}
        data-size="sm"
      >
        <option value="">{t('case.notAssigned')}</option>
        {shown.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </SelectField>
      {meId && assignedTo?.id !== meId && (
        <Button variant="secondary" data-size="sm" loading={busy} onClick={() => onAssign(meId)}>
          {t('case.assignMe')}
        </Button>
      )}
    </div>
  )
}
