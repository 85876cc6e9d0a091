import { Alert, Button, Heading, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react'
import { zodResolver } from '@hookform/resolvers/zod'
import { useId, useState } from 'react'
import { useForm } from 'react-hook-form'
import { z } from 'zod'
import {
  type RetentionSettings,
  type RetentionType,
  retentionSettingBody,
} from '../../../shared/api/retention'
import { isApiError } from '../../api/client'
import { ConflictNotice } from '../../components/ConflictNotice'
import { DataTable } from '../../components/DataTable'
import { ErrorAlert } from '../../components/ErrorAlert'
import { fieldProps } from '../../components/formErrors'
import { useT } from '../../i18n'
import { referenceLabel, TYPE_LABELS } from './labels'
import { useUpdateRetentionSetting } from './useRetention'

type Setting = RetentionSettings['settings'][number]
interface Conflict {
  type: RetentionType
  yours: number | null
  stored: { days: number; version: number }
}

/** (1) The period per record type, what it counts from and the default; editable per row. */
export function SettingsSection({ data }: { data: RetentionSettings }) {
  const t = useT()
  const headingId = useId()
  const update = useUpdateRetentionSetting()
  const [conflict, setConflict] = useState<Conflict | null>(null)
  const [saved, setSaved] = useState<{ type: RetentionType; days: number } | null>(null)
  const save = (type: RetentionType, days: number | null, version: number) => {
    setConflict(null)
    setSaved(null)
    update.mutate(
      { type, days, version },
      {
        onSuccess: (next) => {
          const s = next.settings.find((x) => x.type === type)
          if (s) setSaved({ type, days: s.days })
        },
        onError: (err) => {
          const current = isApiError(err) && err.code === 'conflict' ? err.problem?.current : null
          if (current && typeof current === 'object')
            setConflict({ type, yours: days, stored: current as Conflict['stored'] })
        },
      },
    )
  }
  const limits = { min: data.minDays, max: data.maxDays }
  const error = update.error
  const showError = error && !conflict && !(isApiError(error) && error.errors.length > 0)
  return (
    <section aria-labelledby={headingId} className="app-stack">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('retention.settings.heading')}
      </Heading>
      <Paragraph className="app-prose">{t('retention.settings.help', limits)}</Paragraph>
      <DataTable
        caption={t('retention.settings.caption')}
        border
        zebra={false}
        testId="retention-settings"
        columns={[
          t('retention.settings.type'),
          t('retention.settings.reference'),
          t('retention.settings.default'),
          t('retention.settings.days'),
          t('retention.settings.actions'),
        ]}
      >
        {data.settings.map((s) => (
          <SettingRow
            // A new version (saved here or elsewhere) starts the row's draft afresh.
            key={`${s.type}:${s.version}:${s.days}`}
            setting={s}
            limits={limits}
            busy={update.isPending && update.variables?.type === s.type}
            onSave={(days) => save(s.type, days, s.version)}
          />
        ))}
      </DataTable>
      {saved && (
        <Alert data-color="success" role="status">
          <Paragraph>
            {t('retention.settings.saved', { type: t(TYPE_LABELS[saved.type]), days: saved.days })}
          </Paragraph>
        </Alert>
      )}
      {conflict && (
        <ConflictNotice
          title={t('retention.settings.conflictTitle', { type: t(TYPE_LABELS[conflict.type]).toLowerCase() })}
          rows={[
            {
              field: 'days',
              label: t('retention.settings.conflictField'),
              yours: conflict.yours === null ? t('retention.settings.usingDefault') : String(conflict.yours),
              stored: String(conflict.stored.days),
              changedByYou: true,
            },
          ]}
          busy={update.isPending}
          onReload={() => setConflict(null)}
          onReapply={() => save(conflict.type, conflict.yours, conflict.stored.version)}
        />
      )}
      {showError && <ErrorAlert error={error} />}
      <Paragraph data-size="sm" className="app-muted">
        {t('retention.auditLogNote', { years: data.auditLogYears })}
      </Paragraph>
    </section>
  )
}

/**
 * One row's period: blank means the default, otherwise whole days within the installation's
 * limits (the shared `retentionSettingBody` rule, with the limits the server reported).
 */
export function useSettingRowForm(
  s: Setting,
  limits: { min: number; max: number },
  onSave: (days: number | null) => void,
) {
  const t = useT()
  const schema = z.object({
    days: z
      .string()
      .trim()
      .refine(
        (v) =>
          v === '' ||
          (retentionSettingBody.shape.days.safeParse(Number(v)).success &&
            Number(v) >= limits.min &&
            Number(v) <= limits.max),
        { message: t('retention.settings.invalid', limits) },
      ),
  })
  const form = useForm<{ days: string }>({
    resolver: zodResolver(schema),
    defaultValues: { days: String(s.days) },
  })
  const onSubmit = form.handleSubmit(({ days }) => onSave(days === '' ? null : Number(days)))
  return { form, onSubmit }
}

function SettingRow({
  setting: s,
  limits,
  busy,
  onSave,
}: {
  setting: Setting
  limits: { min: number; max: number }
  busy: boolean
  onSave: (days: number | null) => void
}) {
  const t = useT()
  const { form, onSubmit } = useSettingRowForm(s, limits, onSave)
  const type = t(TYPE_LABELS[s.type])
  const reference = referenceLabel(s.reference)
  const formId = `retention-setting-${s.type}`
  return (
    <Table.Row>
      <Table.HeaderCell scope="row">
        {type}
        {s.custom && (
          <>
            {' '}
            <Tag data-size="sm" data-color="info">
              {t('retention.settings.custom')}
            </Tag>
          </>
        )}
      </Table.HeaderCell>
      <Table.Cell>{reference ? t(reference) : s.reference}</Table.Cell>
      <Table.Cell>{t('retention.settings.daysValue', { days: s.defaultDays })}</Table.Cell>
      <Table.Cell>
        <form id={formId} onSubmit={onSubmit} noValidate>
          <Textfield
            label={<span className="ds-sr-only">{t('retention.settings.daysFor', { type })}</span>}
            inputMode="numeric"
            data-size="sm"
            size={6}
            {...fieldProps(form, 'days')}
          />
        </form>
      </Table.Cell>
      <Table.Cell>
        <div className="app-actions">
          <Button
            type="submit"
            form={formId}
            data-size="sm"
            variant="secondary"
            loading={busy}
            aria-label={t('retention.settings.saveFor', { type })}
          >
            {t('retention.settings.save')}
          </Button>
          {s.custom && (
            <Button
              type="button"
              data-size="sm"
              variant="tertiary"
              disabled={busy}
              aria-label={t('retention.settings.resetFor', { type })}
              onClick={() => onSave(null)}
            >
              {t('retention.settings.reset')}
            </Button>
          )}
        </div>
      </Table.Cell>
    </Table.Row>
  )
}
