import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react'
import { zodResolver } from '@hookform/resolvers/zod'
import { useId } from 'react'
import { useForm } from 'react-hook-form'
import type { z } from 'zod'
import { type UserDetail, updateUserBody } from '../../../shared/api/users'
import { isApiError } from '../../api/client'
import { ErrorAlert } from '../../components/ErrorAlert'
import { applyApiErrors } from '../../components/formErrors'
import { useT } from '../../i18n'
import { RolesFieldset } from './RolesFieldset'
import { useConflict } from './useConflict'
import { useUpdateUser } from './useUsers'

type Input = z.input<typeof updateUserBody>
type Output = z.output<typeof updateUserBody>
const FIELDS = ['name', 'email', 'roles', 'validTo'] as const

/** The stored user as form values; roles only while the user has access here. */
function valuesOf(user: UserDetail): Input {
  return {
    version: user.version,
    name: user.name,
    email: user.email ?? '',
    ...(user.status === 'active' ? { roles: user.roles, validTo: user.validTo ?? '' } : {}),
  }
}

/** Name, e-mail, roles and end date, saved with the version the form was loaded with. */
export function EditUserForm({ user }: { user: UserDetail }) {
  const t = useT()
  const headingId = useId()
  const update = useUpdateUser(user.id)
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(updateUserBody),
    values: valuesOf(user),
  })
  const conflict = useConflict((current) => form.reset(valuesOf(current)))
  const { errors, isDirty } = form.formState
  const onSubmit = form.handleSubmit((values) => {
    conflict.clear()
    update.mutate(values, {
      onSuccess: (saved) => form.reset(valuesOf(saved)),
      onError: (err) =>
        conflict.handle(err) || applyApiErrors(err, form.setError, FIELDS, (p) => p.split('.')[0] ?? p),
    })
  })
  const error = update.error
  const showError = error && !conflict.conflicted && !(isApiError(error) && error.errors.length > 0)
  return (
    <section aria-labelledby={headingId} className="app-stack">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('users.editHeading')}
      </Heading>
      <form className="app-form" onSubmit={onSubmit} noValidate>
        <Textfield label={t('users.name')} error={errors.name?.message} {...form.register('name')} />
        <Textfield
          label={t('users.email')}
          type="email"
          error={errors.email?.message}
          {...form.register('email')}
        />
        {user.status === 'active' && (
          <>
            <RolesFieldset register={form.register('roles')} error={errors.roles?.message} />
            <Textfield
              label={t('users.validTo')}
              description={t('users.validToHelp')}
              type="date"
              error={errors.validTo?.message}
              {...form.register('validTo')}
            />
          </>
        )}
        {conflict.conflicted && (
          <Alert data-color="warning" role="alert">
            <Heading level={3} data-size="xs">
              {t('users.conflictTitle')}
            </Heading>
            <Paragraph>{t('users.conflictText')}</Paragraph>
          </Alert>
        )}
        {update.isSuccess && !isDirty && (
          <Alert data-color="success" role="status">
            <Paragraph>{t('users.saved')}</Paragraph>
          </Alert>
        )}
        {showError && <ErrorAlert error={error} />}
        <div className="app-actions">
          <Button type="submit" loading={update.isPending}>
            {t('users.save')}
          </Button>
        </div>
      </form>
    </section>
  )
}
