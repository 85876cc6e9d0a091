import { Button, Checkbox, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react'
import { useEffect, useState } from 'react'
import type { FollowUpSettingsView } from '../../../shared/api/followups'
import { isApiError } from '../../api/client'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { RequireCan } from '../../components/RequireCan'
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

function SettingsForm({ settings }: { settings: FollowUpSettingsView }) {
  const t = useT()
  const save = useSaveFollowUpSettings()
  const [days, setDays] = useState(settings.scheduleDays.join(', '))
  const [lastDay, setLastDay] = useState(settings.includeLastDay)
  const [limit, setLimit] = useState(String(settings.unreachedLimit))
  const [reminder, setReminder] = useState(
    settings.reminderDaysBefore === null ? '' : String(settings.reminderDaysBefore),
  )
  const [daysError, setDaysError] = useState<string | undefined>()
  useEffect(() => setDays(settings.scheduleDays.join(', ')), [settings.scheduleDays])
  const err = (path: string) => (isApiError(save.error) ? save.error.fieldError(path) : undefined)
  const submit = (e: React.FormEvent) => {
    e.preventDefault()
    const parsed = days
      .split(/[,\s]+/)
      .filter(Boolean)
      .map(Number)
    if (parsed.some((d) => !Number.isInteger(d))) {
      setDaysError(t('followUpSettings.daysInvalid'))
      return
    }
    setDaysError(undefined)
    save.mutate({
      scheduleDays: parsed,
      includeLastDay: lastDay,
      unreachedLimit: Number(limit),
      reminderDaysBefore: reminder.trim() === '' ? null : Number(reminder),
      version: settings.version,
    })
  }
  return (
    <div className="app-page">
      <div className="app-stack">
        <Heading level={1} data-size="lg">
          {t('followUpSettings.title')}
        </Heading>
        <Paragraph>{t('followUpSettings.intro')}</Paragraph>
      </div>
      <form className="app-stack" onSubmit={submit} noValidate>
        <Textfield
          label={t('followUpSettings.days')}
          value={days}
          onChange={(e) => setDays(e.target.value)}
          error={daysError ?? err('scheduleDays')}
        />
        <Checkbox
          label={t('followUpSettings.lastDay')}
          checked={lastDay}
          onChange={() => setLastDay(!lastDay)}
        />
        <Textfield
          type="number"
          min={1}
          max={20}
          label={t('followUpSettings.unreachedLimit')}
          value={limit}
          onChange={(e) => setLimit(e.target.value)}
          error={err('unreachedLimit')}
        />
        <Textfield
          type="number"
          min={0}
          max={14}
          label={t('followUpSettings.reminder')}
          value={reminder}
          onChange={(e) => setReminder(e.target.value)}
          error={err('reminderDaysBefore')}
        />
        {save.isError && !(isApiError(save.error) && save.error.errors.length > 0) && (
          <ErrorAlert error={save.error} />
        )}
        <div className="cw-actions">
          <Button type="submit" loading={save.isPending}>
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
