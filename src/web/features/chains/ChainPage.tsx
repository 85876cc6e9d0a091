import { Alert, Heading, Paragraph, Table } from '@digdir/designsystemet-react'
import { useParams } from 'react-router'
import { type ChainNode, type ChainView, nodeStatus } from '../../../shared/api/chains'
import { AppLink } from '../../components/AppLink'
import { formatIsoDate } from '../../components/dates'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { RequireCan } from '../../components/RequireCan'
import { usePageTitle } from '../../components/usePageTitle'
import { type MessageKey, useT } from '../../i18n'
import './chains.css'
import { DataTable } from '../../components/DataTable'
import { ChainGraph, STATUS_STYLE } from './ChainGraph'
import { nodePath } from './nodePath'
import { useChainView } from './useChains'

const KIND_LABELS: Record<ChainNode['kind'], MessageKey> = {
  case: 'chain.kind.case',
  contact: 'chain.kind.contact',
  event: 'chain.kind.event',
}
const statusLabel = (s: ChainNode['status']) => `chain.status.${s}` as MessageKey

/** `/smittekjeder/sak/:caseId` and `/smittekjeder/:id`: one chain as a network and as a list. */
export function ChainPage() {
  const t = useT()
  return (
    <RequireCan action="case.read" title={t('chain.title')}>
      <ChainLoader />
    </RequireCan>
  )
}

function ChainLoader() {
  const t = useT()
  const { caseId, id } = useParams()
  const query = useChainView(caseId ? { caseId } : { id: id ?? '' })
  usePageTitle(t('chain.title'))
  if (query.isPending) return <Loading label={t('chain.loading')} />
  if (query.isError)
    return (
      <div className="app-stack">
        <Heading level={1} data-size="lg">
          {t('chain.title')}
        </Heading>
        <ErrorAlert error={query.error} onRetry={() => query.refetch()} />
      </div>
    )
  return <Chain view={query.data} />
}

function Chain({ view }: { view: ChainView }) {
  const t = useT()
  const count = (k: ChainNode['kind']) => view.nodes.filter((n) => n.kind === k).length
  return (
    <div className="app-page">
      <div className="app-stack">
        <Paragraph data-size="sm">
          <AppLink to="/smittekjeder">{t('chain.backToList')}</AppLink>
        </Paragraph>
        <Heading level={1} data-size="lg">
          {t('chain.title')}
        </Heading>
        <Paragraph data-testid="chain-summary">
          {t('chain.summary', {
            persons: view.persons,
            cases: count('case'),
            contacts: count('contact'),
            events: count('event'),
          })}
        </Paragraph>
        {view.truncated && (
          <Alert data-color="info">
            <Paragraph>{t('chain.truncated', { shown: view.nodes.length, size: view.size })}</Paragraph>
          </Alert>
        )}
        <Legend />
        <Paragraph data-size="sm" className="cw-muted">
          {t('chain.clickHint')}
        </Paragraph>
        <ChainGraph view={view} />
        <NodeTable view={view} />
      </div>
    </div>
  )
}

const STATUS_KIND: Record<ChainNode['status'], ChainNode['kind']> = {
  'case-open': 'case',
  'case-closed': 'case',
  quarantine: 'contact',
  active: 'contact',
  finished: 'contact',
  became_case: 'contact',
  not_contact: 'contact',
  event: 'event',
  outbreak: 'event',
}

/** The node as drawn in the map: shape by kind, colour, fill and border by status. */
function Swatch({ status }: { status: ChainNode['status'] }) {
  const st = STATUS_STYLE[status]
  const kind = STATUS_KIND[status]
  const colour = `var(${st.token})`
  const common = {
    fill: st.fill === 'solid' ? colour : 'var(--ds-color-neutral-background-default)',
    stroke: st.fill === 'solid' && st.border === 'solid' ? 'var(--ds-color-neutral-border-default)' : colour,
    strokeWidth: st.border === 'double' ? 3 : 2,
    strokeDasharray: st.border === 'dashed' ? '3 2' : undefined,
  }
  return (
    <svg className="chain-swatch" viewBox="0 0 18 18" aria-hidden="true" focusable="false">
      {kind === 'case' && <circle cx="9" cy="9" r="7" {...common} />}
      {kind === 'contact' && <rect x="2" y="2" width="14" height="14" rx="3" {...common} />}
      {kind === 'event' && <polygon points="9,1 17,9 9,17 1,9" {...common} />}
    </svg>
  )
}

function Legend() {
  const t = useT()
  return (
    <section aria-labelledby="chain-legend">
      <Heading level={2} data-size="2xs" id="chain-legend">
        {t('chain.legend')}
      </Heading>
      <ul className="chain-legend">
        {nodeStatus.options.map((s) => (
          <li key={s}>
            <Swatch status={s} />
            {t(statusLabel(s))}
          </li>
        ))}
      </ul>
    </section>
  )
}

/** The chain as a table: every node with what exposed it and whom it exposed (links to records). */
function NodeTable({ view }: { view: ChainView }) {
  const t = useT()
  const byId = new Map(view.nodes.map((n) => [n.id, n]))
  const links = (n: ChainNode) =>
    view.edges
      .filter((e) => e.source === n.id || e.target === n.id)
      .map((e) => {
        const other = byId.get(e.source === n.id ? e.target : e.source)!
        return { other, out: e.source === n.id }
      })
  return (
    <section className="app-stack" aria-labelledby="chain-list-heading">
      <Heading level={2} data-size="sm" id="chain-list-heading">
        {t('chain.listHeading')}
      </Heading>
      <DataTable
        caption={t('chain.listHeading')}
        testId="chain-nodes"
        columns={[
          t('chain.col.node'),
          t('chain.col.kind'),
          t('chain.col.status'),
          t('chain.col.date'),
          t('chain.col.links'),
        ]}
      >
        {view.nodes.map((n) => (
          <Table.Row key={n.id} data-kind={n.kind}>
            <Table.Cell>
              <AppLink to={nodePath(n.kind, n.id)}>{n.label}</AppLink>
            </Table.Cell>
            <Table.Cell>{t(KIND_LABELS[n.kind])}</Table.Cell>
            <Table.Cell>{t(statusLabel(n.status))}</Table.Cell>
            <Table.Cell>{formatIsoDate(n.date)}</Table.Cell>
            <Table.Cell>
              {links(n)
                .map(({ other, out }) => `${out ? '→' : '←'} ${other.label}`)
                .join(', ')}
            </Table.Cell>
          </Table.Row>
        ))}
      </DataTable>
    </section>
  )
}
