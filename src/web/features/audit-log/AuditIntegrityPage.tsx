import { Alert, Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react'
import type { AuditVerificationView } from '../../../shared/api/audit-log'
import { DataTable } from '../../components/DataTable'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { RequireCan } from '../../components/RequireCan'
import { usePageTitle } from '../../components/usePageTitle'
import { useT } from '../../i18n'
import { formatOsloDateTime } from './format'
import { useVerifyAuditLog } from './useAuditLog'

/** `/sikkerhetslogg/integritet`: the national operator checks every hash chain on request. */
export function AuditIntegrityPage() {
  const t = useT()
  usePageTitle(t('integrity.title'))
  return (
    <RequireCan action="audit.verify" title={t('integrity.title')}>
      <IntegrityView />
    </RequireCan>
  )
}

function IntegrityView() {
  const t = useT()
  const verify = useVerifyAuditLog()
  return (
    <div className="app-page">
      <div className="app-stack">
        <Heading level={1} data-size="lg">
          {t('integrity.title')}
        </Heading>
        <Paragraph className="app-prose">{t('integrity.intro')}</Paragraph>
        <div>
          <Button loading={verify.isPending} disabled={verify.isPending} onClick={() => verify.mutate()}>
            {t('integrity.run')}
          </Button>
        </div>
      </div>
      <div aria-live="polite" className="app-stack">
        {verify.isPending && <Loading label={t('integrity.running')} />}
        {verify.data && <IntegrityResult result={verify.data} />}
      </div>
      {verify.isError && <ErrorAlert error={verify.error} onRetry={() => verify.mutate()} />}
    </div>
  )
}

function IntegrityResult({ result }: { result: AuditVerificationView }) {
  const t = useT()
  const vars = { chains: result.chains, rows: result.rows, time: formatOsloDateTime(result.checkedAt) }
  if (result.ok)
    return (
      <Alert data-color="success" className="app-stack">
        <Heading level={2} data-size="xs">
          {t('integrity.ok')}
        </Heading>
        <Paragraph>{t('integrity.okText', vars)}</Paragraph>
      </Alert>
    )
  return (
    <>
      <Alert data-color="danger" className="app-stack">
        <Heading level={2} data-size="xs">
          {t('integrity.failed')}
        </Heading>
        <Paragraph>{t('integrity.failedText', { ...vars, count: result.problems.length })}</Paragraph>
        {result.truncated && <Paragraph>{t('integrity.truncated')}</Paragraph>}
      </Alert>
      <DataTable
        caption={t('integrity.caption')}
        border
        testId="audit-problems"
        columns={[
          t('integrity.chain'),
          { label: t('integrity.seq'), numeric: true },
          { label: t('integrity.row'), numeric: true },
          t('integrity.problem'),
          t('integrity.detail'),
        ]}
      >
        {result.problems.map((p) => (
          <Table.Row key={`${p.chain}-${p.seq}-${p.problem}`}>
            <Table.Cell>{p.chain === '-' ? t('integrity.national') : p.chain}</Table.Cell>
            <Table.Cell className="app-numeric">{p.seq}</Table.Cell>
            <Table.Cell className="app-numeric">{p.id ?? '–'}</Table.Cell>
            <Table.Cell>{t(`integrity.problem.${p.problem}`)}</Table.Cell>
            <Table.Cell>{p.detail}</Table.Cell>
          </Table.Row>
        ))}
      </DataTable>
    </>
  )
}
