import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react'
import { zodResolver } from '@hookform/resolvers/zod'
import { useForm } from 'react-hook-form'
import { Link as RouterLink, useNavigate } from 'react-router'
import type { z } from 'zod'
import { createUserBody } from '../../../shared/api/users'
import { isApiError } from '../../api/client'
import { useTestEnvironment } from '../../api/session'
import { AppLink } from '../../components/AppLink'
import { ErrorAlert } from '../../components/ErrorAlert'
import { applyApiErrors } from '../../components/formErrors'
import { RequireCan } from '../../components/RequireCan'
import { usePageTitle } from '../../components/usePageTitle'
import { useT } from '../../i18n'
import { RolesFieldset } from './RolesFieldset'
import { useCreateUser, userPath } from './useUsers'

type Input = z.input<typeof createUserBody>
type Output = z.output<typeof createUserBody>
const FIELDS = ['nationalId', 'name', 'email', 'roles', 'validTo'] as const

/** The add-user form: the shared schema checks it in the browser, the server's field errors land on the fields. */
export function useAddUserForm() {
  const navigate = useNavigate()
  const create = useCreateUser()
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(createUserBody),
    defaultValues: { nationalId: '', name: '', email: '', roles: ['tracer'], validTo: '' },
  })
  const onSubmit = form.handleSubmit((values) =>
    create.mutate(values, {
      onSuccess: ({ user, existing }) => navigate(userPath(user.id), { state: { created: true, existing } }),
      onError: (err) => applyApiErrors(err, form.setError, FIELDS, (p) => p.split('.')[0] ?? p),
    }),
  )
  return { form, onSubmit, create }
}

/** `/brukere/ny`: give a person access to the municipality. */
export function AddUserPage() {
  const t = useT()
  usePageTitle(t('users.addTitle'))
  return (
    <RequireCan action="user.manage" title={t('users.addTitle')}>
      <AddUserForm />
    </RequireCan>
  )
}

function AddUserForm() {
  const t = useT()
  const testEnvironment = useTestEnvironment()
  const { form, onSubmit, create } = useAddUserForm()
  const { errors } = form.formState
  const error = create.error
  const existingId =
    isApiError(error) && error.code === 'already-member' ? String(error.problem?.userId ?? '') : ''
  return (
    <form className="app-page app-form" onSubmit={onSubmit} noValidate>
      <Heading level={1} data-size="lg">
        {t('users.addTitle')}
      </Heading>
      <Paragraph className="app-prose">{t('users.addIntro')}</Paragraph>
      <Textfield
        label={t('users.nationalId')}
        description={testEnvironment ? t('users.nationalIdTestHelp') : t('users.nationalIdHelp')}
        inputMode="numeric"
        autoComplete="off"
        error={errors.nationalId?.message}
        {...form.register('nationalId')}
      />
      <Textfield
        label={t('users.name')}
        autoComplete="off"
        error={errors.name?.message}
        {...form.register('name')}
      />
      <Textfield
        label={t('users.email')}
        type="email"
        autoComplete="off"
        error={errors.email?.message}
        {...form.register('email')}
      />
      <RolesFieldset register={form.register('roles')} error={errors.roles?.message} />
      <Textfield
        label={t('users.validTo')}
        description={t('users.validToHelp')}
        type="date"
        error={errors.validTo?.message}
        {...form.register('validTo')}
      />
      {existingId && (
        <Alert data-color="warning">
          <Paragraph>
            {error?.message} <AppLink to={userPath(existingId)}>{t('users.openExisting')}</AppLink>
          </Paragraph>
        </Alert>
      )}
      {error && !existingId && !(isApiError(error) && error.errors.length > 0) && (
        <ErrorAlert error={error} />
      )}
      <div className="app-actions">
        <Button type="submit" loading={create.isPending}>
          {t('users.addSubmit')}
        </Button>
        <Button asChild variant="tertiary">
          <RouterLink to="/brukere">{t('users.cancel')}</RouterLink>
        </Button>
      </div>
    </form>
  )
}
