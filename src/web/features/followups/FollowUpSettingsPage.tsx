import { Button, Checkbox, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react'
import { z } from 'zod'
import {
  type FollowUpSettingsUpdate,
  type FollowUpSettingsView,
  followUpSettingsUpdate,
} from '../../../shared/api/followups'
import { ErrorAlert } from '../../components/ErrorAlert'
import { fieldProps } from '../../components/formErrors'
import { Loading } from '../../components/Loading'
import { RequireCan } from '../../components/RequireCan'
import { checkedAs, useMutationForm } from '../../components/useMutationForm'
import { usePageTitle } from '../../components/usePageTitle'
import { useT } from '../../i18n'
import { useFollowUpSettings, useSaveFollowUpSettings } from './useFollowUps'

/** `/oppfolging/innstillinger` (Administrator): call days, last day, "ikke nådd" limit, reminders. */
export function FollowUpSettingsPage() {
  const t = useT()
  usePageTitle(t('followUpSettings.title'))
  return (
    <RequireCan action="followup.configure" title={t('followUpSettings.title')}>
      <Settings />
    </RequireCan>
  )
}

function Settings() {
  const t = useT()
  const query = useFollowUpSettings()
  if (query.isPending) return <Loading label={t('followUp.loading')} />
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => query.refetch()} />
  return <SettingsForm settings={query.data} />
}

type SettingsValues = { days: string; includeLastDay: boolean; unreachedLimit: string; reminder: string }

const valuesOf = (s: FollowUpSettingsView): SettingsValues => ({
  days: s.scheduleDays.join(', '),
  includeLastDay: s.includeLastDay,
  unreachedLimit: String(s.unreachedLimit),
  reminder: s.reminderDaysBefore === null ? '' : String(s.reminderDaysBefore),
})
const parseDays = (days: string) =>
  days
    .split(/[,\s]+/)
    .filter(Boolean)
    .map(Number)
/** Body path → form field (the day list is one text field). */
const fieldOf = (path: string) =>
  path.startsWith('scheduleDays')
    ? 'days'
    : path === 'reminderDaysBefore'
      ? 'reminder'
      : path === 'unreachedLimit'
        ? path
        : null

/** The settings form: free-text day list and numbers, checked as `followUpSettingsUpdate`. */
export function useFollowUpSettingsForm(settings: FollowUpSettingsView) {
  const t = useT()
  const toBody = (v: SettingsValues): FollowUpSettingsUpdate => ({
    scheduleDays: parseDays(v.days),
    includeLastDay: v.includeLastDay,
    unreachedLimit: Number(v.unreachedLimit),
    reminderDaysBefore: v.reminder.trim() === '' ? null : Number(v.reminder),
    version: settings.version,
  })
  const dayList = z.object({
    days: z.string().refine((d) => parseDays(d).every(Number.isInteger), t('followUpSettings.daysInvalid')),
  })
  const result = useMutationForm({
    schema: dayList
      .passthrough()
      .pipe(checkedAs<SettingsValues>((v) => ({ schema: followUpSettingsUpdate, body: toBody(v) }), fieldOf)),
    defaultValues: valuesOf(settings),
    mutation: useSaveFollowUpSettings(),
    toBody,
    fieldOf,
    onSuccess: (saved) => result.form.reset(valuesOf(saved)),
  })
  return result
}

function SettingsForm({ settings }: { settings: FollowUpSettingsView }) {
  const t = useT()
  const { form, mutation: save, onSubmit, unplacedError } = useFollowUpSettingsForm(settings)
  return (
    <div className="app-page">
      <div className="app-stack">
        <Heading level={1} data-size="lg">
          {t('followUpSettings.title')}
        </Heading>
        <Paragraph>{t('followUpSettings.intro')}</Paragraph>
      </div>
      <form className="app-stack" onSubmit={onSubmit} noValidate>
        <Textfield label={t('followUpSettings.days')} {...fieldProps(form, 'days')} />
        <Checkbox label={t('followUpSettings.lastDay')} {...form.register('includeLastDay')} />
        <Textfield
          type="number"
          min={1}
          max={20}
          label={t('followUpSettings.unreachedLimit')}
          {...fieldProps(form, 'unreachedLimit')}
        />
        <Textfield
          type="number"
          min={0}
          max={14}
          label={t('followUpSettings.reminder')}
          {...fieldProps(form, 'reminder')}
        />
        {unplacedError && <ErrorAlert error={unplacedError} />}
        <div className="cw-actions">
          <Button type="submit" loading={form.formState.isSubmitting}>
            {t('followUpSettings.save')}
          </Button>
          <Paragraph role="status" data-size="sm" className="cw-muted">
            {save.isSuccess ? t('followUpSettings.saved') : ''}
          </Paragraph>
        </div>
      </form>
    </div>
  )
}
