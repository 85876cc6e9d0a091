import { Button, Textfield } from '@digdir/designsystemet-react'
import type { EventCreate, EventView } from '../../../shared/api/events'
import { CodeOptions } from '../../components/CodeOptions'
import { ConflictNotice } from '../../components/ConflictNotice'
import { ErrorAlert } from '../../components/ErrorAlert'
import { SelectField } from '../../components/SelectField'
import { useT } from '../../i18n'
import { EXPOSURE_SETTING_CODES, EXPOSURE_SETTING_LABELS } from '../cases/labels'
import { eventConflictRows } from './eventConflict'
import { EVENT_STATUS_LABELS } from './labels'
import { useEventForm } from './useEventForm'

/** The event's fields (SPEC §3.4), for registering a new event and for editing one. */
export function EventForm({
  initial,
  save,
  error,
  submitLabel,
  saving,
}: {
  initial?: EventView
  /** `version`: set when re-applying on top of a newer stored event after a conflict. */
  save: (body: EventCreate, version?: number) => Promise<unknown>
  error: unknown
  submitLabel: string
  saving: boolean
}) {
  const t = useT()
  const { form, onSubmit, left, conflict, reapply, reload } = useEventForm(initial, save)
  const { errors } = form.formState
  const r = form.register
  return (
    <form className="app-stack" onSubmit={onSubmit} noValidate>
      <div className="cw-form-grid">
        <Textfield label={t('event.name')} error={errors.name?.message} {...r('name')} />
        <SelectField
          label={t('event.setting')}
          error={errors.exposureSetting?.message}
          {...r('exposureSetting')}
        >
          <CodeOptions
            empty={t('common.choose')}
            codes={EXPOSURE_SETTING_CODES}
            labels={EXPOSURE_SETTING_LABELS}
          />
        </SelectField>
        <Textfield label={t('event.location')} error={errors.location?.message} {...r('location')} />
        <Textfield label={t('event.address')} error={errors.address?.message} {...r('address')} />
        <Textfield
          label={t('event.eventKommune')}
          inputMode="numeric"
          error={errors.eventKommune?.message}
          {...r('eventKommune')}
        />
        <Textfield
          type="datetime-local"
          label={t('event.startsAt')}
          error={errors.startsAt?.message}
          {...r('startsAt')}
        />
        <Textfield
          type="datetime-local"
          label={t('event.endsAt')}
          error={errors.endsAt?.message}
          {...r('endsAt')}
        />
        <Textfield
          label={t('event.organiser')}
          error={errors.organiserName?.message}
          {...r('organiserName')}
        />
        <Textfield
          type="tel"
          label={t('event.organiserPhone')}
          error={errors.organiserPhone?.message}
          {...r('organiserPhone')}
        />
        <Textfield
          type="email"
          label={t('event.organiserEmail')}
          error={errors.organiserEmail?.message}
          {...r('organiserEmail')}
        />
        {initial && (
          <SelectField label={t('event.status')} {...r('status')}>
            {(['active', 'closed'] as const).map((s) => (
              <option key={s} value={s}>
                {t(EVENT_STATUS_LABELS[s])}
              </option>
            ))}
          </SelectField>
        )}
      </div>
      <Textfield
        multiline
        rows={3}
        label={t('event.description')}
        error={errors.description?.message}
        {...r('description')}
      />
      {conflict && (
        <ConflictNotice
          title={t('conflict.titleEvent')}
          rows={eventConflictRows(t, conflict)}
          onReload={reload}
          onReapply={reapply}
          busy={saving}
        />
      )}
      {!conflict && error && left.length === 0 && !Object.keys(errors).length ? (
        <ErrorAlert error={error} />
      ) : null}
      {!conflict && left.length > 0 && <ErrorAlert error={error} />}
      <div className="cw-actions">
        <Button type="submit" loading={saving && !conflict}>
          {submitLabel}
        </Button>
      </div>
    </form>
  )
}
