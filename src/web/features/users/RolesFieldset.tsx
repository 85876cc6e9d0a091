import { Checkbox, Fieldset, ValidationMessage } from '@digdir/designsystemet-react'
import type { UseFormRegisterReturn } from 'react-hook-form'
import { useT } from '../../i18n'
import { ROLES, roleLabel } from './labels'

/** Checkboxes for the roles in the municipality, registered as one array field. */
export function RolesFieldset({
  register,
  error,
}: {
  register: UseFormRegisterReturn
  error?: string | undefined
}) {
  const t = useT()
  return (
    <Fieldset>
      <Fieldset.Legend>{t('users.roles')}</Fieldset.Legend>
      <Fieldset.Description>{t('users.rolesHelp')}</Fieldset.Description>
      {ROLES.map((role) => (
        <Checkbox
          key={role}
          label={t(roleLabel(role))}
          value={role}
          aria-invalid={error ? true : undefined}
          {...register}
        />
      ))}
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Fieldset>
  )
}
