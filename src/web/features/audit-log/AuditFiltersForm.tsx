import { Button, Textfield } from '@digdir/designsystemet-react'
import { useState } from 'react'
import { AUDIT_ACTION_GROUPS, AUDIT_ACTION_LABELS } from '../../../shared/api/audit-log'
import { isApiError } from '../../api/client'
import { SelectField } from '../../components/SelectField'
import { useI18n, useT } from '../../i18n'
import { roleKey } from './AuditTable'
import { useAuditLabel } from './auditLabels'
import { PersonPicker, type PickedPerson } from './PersonPicker'
import { type AuditFilters, EMPTY_FILTERS, useAuditUsers } from './useAuditLog'

/**
 * Bruker, person, handling, fra–til. Nothing is searched until "Vis": every search of the log is
 * itself logged, so typing must not produce a trail of half-finished searches.
 */
export function AuditFiltersForm({
  applied,
  appliedPerson,
  error,
  onApply,
}: {
  applied: AuditFilters
  appliedPerson: PickedPerson | null
  error: unknown
  onApply: (filters: AuditFilters, person: PickedPerson | null) => void
}) {
  const t = useT()
  const { locale } = useI18n()
  const label = useAuditLabel()
  const users = useAuditUsers()
  const [draft, setDraft] = useState(applied)
  const [person, setPerson] = useState(appliedPerson)
  const set = (key: keyof AuditFilters) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: e.target.value }))
  const fieldError = (name: string) => (isApiError(error) ? error.fieldError(name) : undefined)
  const actions = Object.keys(AUDIT_ACTION_LABELS)
    .map((code) => [code, label('action', code)] as const)
    .sort(([, a], [, b]) => a.localeCompare(b, locale))

  return (
    <form
      className="app-stack"
      aria-label={t('auditLog.filtersLabel')}
      onSubmit={(e) => {
        e.preventDefault()
        onApply({ ...draft, personId: person?.id ?? '' }, person)
      }}
    >
      <div className="app-filters">
        <SelectField label={t('auditLog.filter.user')} value={draft.userId} onChange={set('userId')}>
          <option value="">{t('auditLog.filter.anyUser')}</option>
          {users.data?.items.map((u) => (
            <option key={u.id} value={u.id}>
              {u.roles.length
                ? `${u.name} (${u.roles.map((r) => t(roleKey(r))).join(', ')})`
                : t('auditLog.filter.formerUser', { name: u.name })}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('auditLog.filter.action')} value={draft.action} onChange={set('action')}>
          <option value="">{t('auditLog.filter.anyAction')}</option>
          <optgroup label={t('auditLog.filter.actionGroups')}>
            {AUDIT_ACTION_GROUPS.map((g) => (
              <option key={g.prefix} value={g.prefix}>
                {label('group', g.prefix)}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('auditLog.filter.actions')}>
            {actions.map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </optgroup>
        </SelectField>
        <Textfield
          label={t('auditLog.filter.from')}
          type="date"
          value={draft.from}
          error={fieldError('from')}
          onChange={set('from')}
        />
        <Textfield
          label={t('auditLog.filter.to')}
          type="date"
          value={draft.to}
          error={fieldError('to')}
          onChange={set('to')}
        />
      </div>
      <PersonPicker value={person} onChange={setPerson} />
      <div className="app-actions">
        <Button type="submit">{t('auditLog.filter.show')}</Button>
        <Button
          type="button"
          variant="tertiary"
          onClick={() => {
            setDraft(EMPTY_FILTERS)
            setPerson(null)
            onApply(EMPTY_FILTERS, null)
          }}
        >
          {t('auditLog.filter.reset')}
        </Button>
      </div>
    </form>
  )
}
