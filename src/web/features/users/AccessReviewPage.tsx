import { Button, Heading, Link, Paragraph, Table, Textfield } from '@digdir/designsystemet-react'
import { useState } from 'react'
import { DataTable } from '../../components/DataTable'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { RequireCan } from '../../components/RequireCan'
import { usePageTitle } from '../../components/usePageTitle'
import { useI18n, useT } from '../../i18n'
import { formatDateTime, formatDay, reasonLabel, roleLabel } from './labels'
import { accessReviewCsvHref, useAccessReview } from './useUsers'

/** `/tilgangsgjennomgang`: who had which role in the municipality when, with a CSV download. */
export function AccessReviewPage() {
  const t = useT()
  usePageTitle(t('review.title'))
  return (
    <RequireCan action="user.manage" title={t('review.title')}>
      <AccessReviewView />
    </RequireCan>
  )
}

function AccessReviewView() {
  const t = useT()
  const { locale } = useI18n()
  const [draft, setDraft] = useState({ from: '', to: '' })
  const [period, setPeriod] = useState({ from: '', to: '' })
  const review = useAccessReview(period)
  return (
    <div className="app-page">
      <Heading level={1} data-size="lg">
        {t('review.title')}
      </Heading>
      <Paragraph className="app-prose">{t('review.intro')}</Paragraph>
      <form
        className="app-filters"
        aria-label={t('review.periodLabel')}
        onSubmit={(e) => {
          e.preventDefault()
          setPeriod(draft)
        }}
      >
        <Textfield
          label={t('review.from')}
          type="date"
          value={draft.from}
          onChange={(e) => setDraft({ ...draft, from: e.target.value })}
        />
        <Textfield
          label={t('review.to')}
          type="date"
          value={draft.to}
          onChange={(e) => setDraft({ ...draft, to: e.target.value })}
        />
        <div>
          <Button type="submit" variant="secondary">
            {t('review.show')}
          </Button>
        </div>
      </form>
      <Paragraph>
        <Link href={accessReviewCsvHref(period)} download>
          {t('review.download')}
        </Link>
      </Paragraph>
      {review.isPending && <Loading label={t('review.loading')} />}
      {review.isError && <ErrorAlert error={review.error} onRetry={() => review.refetch()} />}
      {review.data && (
        <>
          <Paragraph data-size="sm" aria-live="polite">
            {t('review.count', { count: review.data.items.length, name: review.data.kommune.name })}
          </Paragraph>
          <DataTable
            caption={t('review.caption', { name: review.data.kommune.name })}
            border
            testId="access-review"
            columns={[
              t('users.name'),
              t('users.nationalId'),
              t('review.role'),
              t('review.validFrom'),
              t('review.validTo'),
              t('review.granted'),
              t('review.revoked'),
            ]}
          >
            {review.data.items.map((r) => {
              const reason = reasonLabel(r.revokeReason)
              return (
                <Table.Row key={r.id}>
                  <Table.Cell>{r.name}</Table.Cell>
                  <Table.Cell>{r.nationalIdMasked}</Table.Cell>
                  <Table.Cell>{t(roleLabel(r.role))}</Table.Cell>
                  <Table.Cell>{formatDay(r.validFrom, locale)}</Table.Cell>
                  <Table.Cell>{formatDay(r.validTo, locale) || '–'}</Table.Cell>
                  <Table.Cell>
                    {formatDateTime(r.grantedAt, locale)}
                    {r.grantedBy && <div className="app-muted">{r.grantedBy}</div>}
                  </Table.Cell>
                  <Table.Cell>
                    {r.revokedAt ? formatDateTime(r.revokedAt, locale) : '–'}
                    {r.revokedBy && <div className="app-muted">{r.revokedBy}</div>}
                    {reason && <div className="app-muted">{t(reason)}</div>}
                  </Table.Cell>
                </Table.Row>
              )
            })}
          </DataTable>
        </>
      )}
    </div>
  )
}
