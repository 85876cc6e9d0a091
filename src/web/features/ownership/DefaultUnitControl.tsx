import { ErrorAlert } from '../../components/ErrorAlert'
import { SelectField } from '../../components/SelectField'
import { useT } from '../../i18n'
import { useDefaultUnit, useSetDefaultUnit } from './useOwnership'

/** The user's default owner unit for new records; shown only where the municipality has units. */
export function DefaultUnitControl() {
  const t = useT()
  const current = useDefaultUnit()
  const save = useSetDefaultUnit()
  const units = current.data?.units ?? []
  if (units.length <= 1) return null
  return (
    <div data-testid="default-unit">
      <SelectField
        label={t('ownership.defaultUnit')}
        description={t('ownership.defaultUnitHelp')}
        value={current.data?.unit ?? ''}
        disabled={save.isPending}
        onChange={(e) => save.mutate(e.target.value || null)}
      >
        <option value="">{t('ownership.wholeKommune')}</option>
        {units
          .filter((u) => u.code !== current.data?.kommune)
          .map((u) => (
            <option key={u.code} value={u.code}>
              {u.name}
            </option>
          ))}
      </SelectField>
      {save.isError && <ErrorAlert error={save.error} />}
    </div>
  )
}
