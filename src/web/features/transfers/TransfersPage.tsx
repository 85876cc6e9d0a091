import { Alert, Button, Heading, Paragraph, Table, Tabs, Tag, Textfield } from '@digdir/designsystemet-react'
import { useRef, useState } from 'react'
import { useSearchParams } from 'react-router'
import { type TransferStatus, type TransferView, transferRejectBody } from '../../../shared/api/transfers'
import { AppLink } from '../../components/AppLink'
import { DataTable } from '../../components/DataTable'
import { formatIsoDate } from '../../components/dates'
import { ErrorAlert } from '../../components/ErrorAlert'
import { FormDialog } from '../../components/FormDialog'
import { fieldProps } from '../../components/formErrors'
import { Loading } from '../../components/Loading'
import { RequireCan } from '../../components/RequireCan'
import { useMutationForm } from '../../components/useMutationForm'
import { usePageTitle } from '../../components/usePageTitle'
import { type MessageKey, useI18n, useT } from '../../i18n'
import { casePath } from '../cases/useCases'
import { contactPath } from '../contacts/useContacts'
import { useDecideTransfer, useTransferCounts, useTransferList } from './useTransfers'

const STATUS: Record<
  TransferStatus,
  { label: MessageKey; color: 'warning' | 'success' | 'danger' | 'neutral' }
> = {
  pending: { label: 'transfers.status.pending', color: 'warning' },
  accepted: { label: 'transfers.status.accepted', color: 'success' },
  rejected: { label: 'transfers.status.rejected', color: 'danger' },
  cancelled: { label: 'transfers.status.cancelled', color: 'neutral' },
}
type Box = 'inbox' | 'sent'
const nameOf = (x: TransferView) => `${x.summary.firstName} ${x.summary.lastName}`

/** `/overforinger`: the transfer inbox (decide) and what the municipality sent (read-only status). */
export function TransfersPage() {
  const t = useT()
  usePageTitle(t('transfers.title'))
  return (
    <RequireCan action="transfer.manage" title={t('transfers.title')}>
      <Transfers />
    </RequireCan>
  )
}

function Transfers() {
  const t = useT()
  const [params, setParams] = useSearchParams()
  const box: Box = params.get('boks') === 'sendt' ? 'sent' : 'inbox'
  const counts = useTransferCounts()
  return (
    <div className="app-page">
      <Heading level={1} data-size="lg">
        {t('transfers.title')}
      </Heading>
      <Paragraph className="app-prose">{t('transfers.lead')}</Paragraph>
      <Tabs
        value={box}
        onChange={(v) => setParams({ boks: v === 'sent' ? 'sendt' : 'innboks' }, { replace: true })}
      >
        <Tabs.List>
          <Tabs.Tab value="inbox">
            {counts.data ? t('transfers.inboxCount', { count: counts.data.inbox }) : t('transfers.inbox')}
          </Tabs.Tab>
          <Tabs.Tab value="sent">
            {counts.data ? t('transfers.sentCount', { count: counts.data.sent }) : t('transfers.sent')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value={box}>
          <TransferList box={box} />
        </Tabs.Panel>
      </Tabs>
    </div>
  )
}

function TransferList({ box }: { box: Box }) {
  const t = useT()
  const list = useTransferList({ box })
  const decide = useDecideTransfer()
  const [accepted, setAccepted] = useState<TransferView | null>(null)
  const items = list.data?.pages.flatMap((p) => p.items) ?? []
  return (
    <div className="app-stack cw-section">
      {accepted && (
        <Alert data-color="success">
          <Paragraph>
            {t('transfers.accepted', { name: nameOf(accepted) })}{' '}
            {accepted.recordId && <RecordLink x={accepted} />}
          </Paragraph>
        </Alert>
      )}
      {list.isPending && <Loading label={t('transfers.loading')} />}
      {list.isError && <ErrorAlert error={list.error} onRetry={() => list.refetch()} />}
      {decide.isError && <ErrorAlert error={decide.error} />}
      {list.isSuccess && items.length === 0 && (
        <Paragraph className="cw-muted">
          {t(box === 'inbox' ? 'transfers.noneInbox' : 'transfers.noneSent')}
        </Paragraph>
      )}
      {items.length > 0 && (
        <TransferTable
          box={box}
          items={items}
          onAccept={async (x) =>
            setAccepted(await decide.mutateAsync({ id: x.id, action: 'accept', version: x.version }))
          }
          onCancel={(x) => decide.mutate({ id: x.id, action: 'cancel', version: x.version })}
        />
      )}
      {list.hasNextPage && (
        <div>
          <Button variant="secondary" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.showMore')}
          </Button>
        </div>
      )}
    </div>
  )
}

function RecordLink({ x }: { x: TransferView }) {
  const t = useT()
  if (!x.recordId) return null
  const to = x.recordType === 'case' ? casePath(x.recordId) : contactPath(x.recordId)
  return (
    <AppLink to={to} aria-label={t('transfers.openNamed', { name: nameOf(x) })}>
      {t('transfers.open')}
    </AppLink>
  )
}

function TransferTable(props: {
  box: Box
  items: readonly TransferView[]
  onAccept: (x: TransferView) => void
  onCancel: (x: TransferView) => void
}) {
  const { box, items, onAccept, onCancel } = props
  const { t, formatDate } = useI18n()
  const dates = (x: TransferView) =>
    [
      x.summary.testDate && t('transfers.testDate', { date: formatIsoDate(x.summary.testDate) }),
      x.summary.onsetDate && t('transfers.onsetDate', { date: formatIsoDate(x.summary.onsetDate) }),
      x.summary.exposureDate && t('transfers.exposureDate', { date: formatIsoDate(x.summary.exposureDate) }),
    ]
      .filter(Boolean)
      .join(', ')
  return (
    <DataTable
      caption={t(box === 'inbox' ? 'transfers.captionInbox' : 'transfers.captionSent')}
      testId={`transfers-${box}`}
      columns={[
        t('transfers.col.person'),
        t('transfers.col.birthDate'),
        t('transfers.col.phone'),
        t('transfers.col.record'),
        t('transfers.col.dates'),
        t(box === 'inbox' ? 'transfers.col.from' : 'transfers.col.to'),
        t('transfers.col.message'),
        t('transfers.col.status'),
        t('transfers.col.actions'),
      ]}
    >
      {items.map((x) => (
        <Table.Row key={x.id}>
          <Table.Cell>{nameOf(x)}</Table.Cell>
          <Table.Cell>{formatIsoDate(x.summary.birthDate)}</Table.Cell>
          <Table.Cell>{x.summary.phone}</Table.Cell>
          <Table.Cell>
            {t(x.recordType === 'case' ? 'transfers.record.case' : 'transfers.record.contact')}
          </Table.Cell>
          <Table.Cell>{dates(x)}</Table.Cell>
          <Table.Cell>{box === 'inbox' ? x.from.name : x.to.name}</Table.Cell>
          <Table.Cell>
            <span className="cw-preline">{x.message}</span>
            <br />
            <span className="cw-muted">
              {t('transfers.sentBy', { date: formatDate(x.createdAt), name: x.createdByName ?? '' })}
            </span>
          </Table.Cell>
          <Table.Cell>
            <Tag data-size="sm" data-color={STATUS[x.status].color}>
              {t(STATUS[x.status].label)}
            </Tag>
            {x.rejectReason && (
              <Paragraph data-size="sm">{t('transfers.rejectReason', { reason: x.rejectReason })}</Paragraph>
            )}
          </Table.Cell>
          <Table.Cell>
            <span className="cw-inline">
              {box === 'inbox' && x.status === 'pending' && (
                <>
                  <Button
                    type="button"
                    data-size="sm"
                    aria-label={t('transfers.acceptNamed', { name: nameOf(x) })}
                    onClick={() => onAccept(x)}
                  >
                    {t('transfers.accept')}
                  </Button>
                  <RejectDialog x={x} />
                </>
              )}
              {box === 'sent' && x.status === 'pending' && (
                <Button
                  type="button"
                  variant="secondary"
                  data-size="sm"
                  aria-label={t('transfers.cancelNamed', { name: nameOf(x) })}
                  onClick={() => onCancel(x)}
                >
                  {t('transfers.cancel')}
                </Button>
              )}
              <RecordLink x={x} />
            </span>
          </Table.Cell>
        </Table.Row>
      ))}
    </DataTable>
  )
}

/** Rejecting a transfer: the reason, checked with the shared `transferRejectBody`. */
export function useRejectForm(x: TransferView, onDone: () => void) {
  return useMutationForm({
    schema: transferRejectBody.pick({ reason: true }),
    defaultValues: { reason: '' },
    mutation: useDecideTransfer(),
    toBody: ({ reason }) => ({ id: x.id, action: 'reject' as const, version: x.version, reason }),
    onSuccess: onDone,
  })
}

function RejectDialog({ x }: { x: TransferView }) {
  const t = useT()
  const ref = useRef<HTMLDialogElement>(null)
  const { form, onSubmit, unplacedError } = useRejectForm(x, () => ref.current?.close())
  return (
    <>
      <Button
        type="button"
        variant="secondary"
        data-size="sm"
        aria-label={t('transfers.rejectNamed', { name: nameOf(x) })}
        onClick={() => ref.current?.showModal()}
      >
        {t('transfers.reject')}
      </Button>
      <FormDialog
        dialogRef={ref}
        title={t('transfers.rejectTitle', { name: nameOf(x) })}
        onSubmit={onSubmit}
        submitLabel={t('transfers.rejectSubmit')}
        submitting={form.formState.isSubmitting}
      >
        <Textfield
          multiline
          rows={3}
          label={t('transfers.rejectReasonLabel')}
          {...fieldProps(form, 'reason')}
        />
        {unplacedError && <ErrorAlert error={unplacedError} />}
      </FormDialog>
    </>
  )
}
