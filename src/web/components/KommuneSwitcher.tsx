import { Label, Select, ValidationMessage } from '@digdir/designsystemet-react'
import { useId } from 'react'
import type { SessionResponse } from '../../shared/api/session'
import { isApiError } from '../api/client'
import { useSelectKommune } from '../api/session'
import { useT } from '../i18n'

/** Picks the active municipality for users with roles in more than one (SPEC §0). */
export function KommuneSwitcher({ session }: { session: SessionResponse }) {
  const t = useT()
  const id = useId()
  const errorId = useId()
  const select = useSelectKommune()
  const current = session.activeKommune?.code ?? ''
  const error = select.error
    ? (isApiError(select.error) && select.error.title) || t('error.generic')
    : undefined
  return (
    <div className="app-kommune-switcher">
      <Label htmlFor={id} data-size="sm">
        {t('session.kommuneLabel')}
      </Label>
      <Select
        id={id}
        data-size="sm"
        width="auto"
        value={current}
        disabled={select.isPending}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => {
          if (e.target.value) select.mutate(e.target.value)
        }}
      >
        {!current && (
          <Select.Option value="" disabled>
            {t('session.chooseKommune')}
          </Select.Option>
        )}
        {session.memberships.map((m) => (
          <Select.Option key={m.kommune} value={m.kommune}>
            {m.kommuneActive ? m.kommuneName : t('session.kommuneNotActive', { name: m.kommuneName })}
          </Select.Option>
        ))}
      </Select>
      {error && (
        <ValidationMessage id={errorId} data-size="sm">
          {error}
        </ValidationMessage>
      )}
    </div>
  )
}
