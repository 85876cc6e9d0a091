import { Alert, Button, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react'
import { useId, useState } from 'react'
import { type PreviewItem, type RetentionType, retentionTypes } from '../../../shared/api/retention'
import { AppLink } from '../../components/AppLink'
import { CodeOptions } from '../../components/CodeOptions'
import { DataTable } from '../../components/DataTable'
import { formatIsoDate } from '../../components/dates'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { SelectField } from '../../components/SelectField'
import { useI18n, useT } from '../../i18n'
import { recordPath, STATUS_LABELS, shortId, TYPE_LABELS } from './labels'
import { ReasonDialog } from './ReasonDialog'
import { useCreateHold, useRetentionPreview } from './useRetention'

const STATUS_COLORS = { due: 'danger', held: 'info', waiting: 'neutral' } as const

/** How a record is named on this page: its person (when it has one) and the type. */
export function useRecordName() {
  const t = useT()
  return (type: RetentionType, id: string, personName: string | null) =>
    `${t(TYPE_LABELS[type])} ${personName ?? t('retention.record.id', { id: shortId(id) })}`
}

/** (2) What the job deletes within 30 days, with a legal hold for each record not held already. */
export function PreviewSection() {
  const t = useT()
  const { locale } = useI18n()
  const headingId = useId()
  const [type, setType] = useState<RetentionType | ''>('')
  const preview = useRetentionPreview(type)
  const create = useCreateHold()
  const [target, setTarget] = useState<PreviewItem | null>(null)
  const [done, setDone] = useState('')
  const name = useRecordName()
  const targetName = target ? name(target.type, target.id, target.personName) : ''
  const close = () => {
    setTarget(null)
    create.reset()
  }
  return (
    <section aria-labelledby={headingId} className="app-stack">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('retention.preview.heading')}
      </Heading>
      {preview.data && (
        <Paragraph className="app-prose">
          {t('retention.preview.help', { until: formatIsoDate(preview.data.until, locale) })}
        </Paragraph>
      )}
      <div className="app-filters">
        <SelectField
          label={t('retention.preview.filter')}
          value={type}
          onChange={(e) => setType(e.target.value as RetentionType | '')}
        >
          <CodeOptions empty={t('retention.preview.allTypes')} codes={retentionTypes} labels={TYPE_LABELS} />
        </SelectField>
      </div>
      {done && (
        <Alert data-color="success" role="status">
          <Paragraph>{done}</Paragraph>
        </Alert>
      )}
      {preview.isPending && <Loading label={t('retention.preview.loading')} />}
      {preview.isError && <ErrorAlert error={preview.error} onRetry={() => preview.refetch()} />}
      {preview.data && preview.data.items.length === 0 && (
        <Paragraph>{t('retention.preview.empty')}</Paragraph>
      )}
      {preview.data && preview.data.items.length > 0 && (
        <>
          <Paragraph data-size="sm" aria-live="polite">
            {t('retention.preview.count', { count: preview.data.items.length })}
            {preview.data.truncated && ` ${t('retention.preview.truncated')}`}
          </Paragraph>
          <DataTable
            caption={t('retention.preview.caption')}
            border
            testId="retention-preview"
            columns={[
              t('retention.settings.type'),
              t('retention.preview.record'),
              t('retention.preview.referenceDate'),
              t('retention.preview.dueDate'),
              t('retention.preview.status'),
              t('retention.preview.action'),
            ]}
          >
            {preview.data.items.map((item) => (
              <PreviewRow
                key={`${item.type}:${item.id}`}
                item={item}
                recordName={name(item.type, item.id, item.personName)}
                onHold={() => setTarget(item)}
              />
            ))}
          </DataTable>
        </>
      )}
      <ReasonDialog
        open={target !== null}
        heading={t('retention.hold.heading')}
        text={t('retention.hold.text', { record: targetName })}
        reasonLabel={t('retention.hold.reason')}
        reasonHelp={t('retention.hold.reasonHelp')}
        submitLabel={t('retention.hold.submit')}
        busy={create.isPending}
        error={create.error}
        onClose={close}
        onSubmit={(reason) => {
          if (!target) return
          create.mutate(
            { recordType: target.type, recordId: target.id, reason },
            {
              onSuccess: () => {
                setDone(t('retention.hold.done', { record: targetName }))
                close()
              },
            },
          )
        }}
      />
    </section>
  )
}

function PreviewRow({
  item,
  recordName,
  onHold,
}: {
  item: PreviewItem
  recordName: string
  onHold: () => void
}) {
  const t = useT()
  const { locale } = useI18n()
  const path = recordPath(item.type, item.id, item.personId)
  const label = item.personName ?? t('retention.record.id', { id: shortId(item.id) })
  return (
    <Table.Row>
      <Table.Cell>{t(TYPE_LABELS[item.type])}</Table.Cell>
      <Table.Cell>
        {path ? <AppLink to={path}>{label}</AppLink> : label}
        {item.personName && (
          <div className="app-muted">{t('retention.record.id', { id: shortId(item.id) })}</div>
        )}
      </Table.Cell>
      <Table.Cell>{formatIsoDate(item.referenceDate, locale)}</Table.Cell>
      <Table.Cell>{formatIsoDate(item.dueDate, locale)}</Table.Cell>
      <Table.Cell>
        <Tag data-size="sm" data-color={STATUS_COLORS[item.status]}>
          {t(STATUS_LABELS[item.status])}
        </Tag>
        {item.hold && <div>{t('retention.status.heldBy', { reason: item.hold.reason })}</div>}
        {item.status === 'held' && !item.hold && (
          <div className="app-muted">{t('retention.status.heldInherited')}</div>
        )}
      </Table.Cell>
      <Table.Cell>
        {!item.hold && (
          <Button
            type="button"
            variant="secondary"
            data-size="sm"
            aria-label={t('retention.hold.buttonFor', { record: recordName })}
            onClick={onHold}
          >
            {t('retention.hold.button')}
          </Button>
        )}
      </Table.Cell>
    </Table.Row>
  )
}
