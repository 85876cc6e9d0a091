import { Button, Checkbox, Heading, Paragraph, Table } from '@digdir/designsystemet-react'
import { useSearchParams } from 'react-router'
import type { InnsynReportView } from '../../../shared/api/audit-log'
import { DataTable } from '../../components/DataTable'
import { formatIsoDate } from '../../components/dates'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { RequireCan } from '../../components/RequireCan'
import { usePageTitle } from '../../components/usePageTitle'
import { useI18n, useT } from '../../i18n'
import { AuditLogNav } from './AuditLogNav'
import { AuditEntryCells } from './AuditTable'
import { useAuditLabel } from './auditLabels'
import { PersonPicker, personLabel } from './PersonPicker'
import { innsynCsvHref, useInnsyn } from './useAuditLog'
import './audit-log.css'

/** `/sikkerhetslogg/innsyn?personId=…`: the innsyn report for one person (SPEC §2). */
export function InnsynPage() {
  const t = useT()
  usePageTitle(t('innsyn.title'))
  return (
    <RequireCan action="audit.read" title={t('innsyn.title')}>
      <InnsynView />
    </RequireCan>
  )
}

function InnsynView() {
  const t = useT()
  const [params, setParams] = useSearchParams()
  const personId = params.get('personId') ?? ''
  const includeDenied = params.get('includeDenied') === 'true'
  const choose = (id: string, denied = includeDenied) =>
    setParams(id ? { personId: id, ...(denied ? { includeDenied: 'true' } : {}) } : {})
  const report = useInnsyn(personId, includeDenied)

  return (
    <div className="app-page">
      <div className="app-stack">
        <Heading level={1} data-size="lg">
          {t('innsyn.title')}
        </Heading>
        <AuditLogNav />
        <Paragraph className="app-prose">{t('innsyn.intro')}</Paragraph>
      </div>
      {!personId && (
        <div className="app-stack">
          <Paragraph>{t('innsyn.choose')}</Paragraph>
          <PersonPicker value={null} onChange={(p) => p && choose(p.id)} />
        </div>
      )}
      {personId && (
        <div className="app-stack">
          <Checkbox
            label={t('innsyn.includeDenied')}
            checked={includeDenied}
            onChange={(e) => choose(personId, e.target.checked)}
          />
          {report.isPending && <Loading label={t('innsyn.loading')} />}
          {report.isError && <ErrorAlert error={report.error} onRetry={() => report.refetch()} />}
          {report.data && <InnsynResult report={report.data} href={innsynCsvHref(personId, includeDenied)} />}
          <div>
            <Button variant="tertiary" onClick={() => choose('')}>
              {t('innsyn.other')}
            </Button>
          </div>
        </div>
      )}
    </div>
  )
}

function InnsynResult({ report, href }: { report: InnsynReportView; href: string }) {
  const t = useT()
  const { locale } = useI18n()
  const label = useAuditLabel()
  const p = report.person
  const name = `${personLabel(p)}${p.birthDate ? ` (${t('auditLog.person.born', { date: formatIsoDate(p.birthDate, locale) })})` : ''}`
  return (
    <section className="app-stack" aria-labelledby="innsyn-heading">
      <Heading level={2} data-size="md" id="innsyn-heading">
        {t('innsyn.heading', { name })}
      </Heading>
      <div>
        <Button asChild variant="secondary">
          <a href={href} download>
            {t('innsyn.download')}
          </a>
        </Button>
      </div>
      <Paragraph data-size="sm" aria-live="polite">
        {report.items.length === 0
          ? t('innsyn.empty')
          : report.items.length === 1
            ? t('innsyn.countOne')
            : t('innsyn.count', { count: report.items.length })}
      </Paragraph>
      {report.items.length > 0 && (
        <DataTable
          caption={t('innsyn.caption', { name: personLabel(p) })}
          border
          testId="innsyn"
          columns={[
            t('auditLog.col.time'),
            t('auditLog.col.user'),
            t('auditLog.col.role'),
            t('auditLog.col.action'),
            t('auditLog.col.record'),
            t('auditLog.col.basis'),
            t('auditLog.col.outcome'),
          ]}
        >
          {report.items.map((r, i) => (
            // Rows have no id of their own; the report is read-only and never reordered.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <Table.Row key={i}>
              <AuditEntryCells entry={r} record={r.recordType ? label('recordType', r.recordType) : ''} />
            </Table.Row>
          ))}
        </DataTable>
      )}
    </section>
  )
}
