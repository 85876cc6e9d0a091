import { Alert, Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react'
import { useState } from 'react'
import type { RuleSetView } from '../../../shared/api/rulesets'
import { DataTable } from '../../components/DataTable'
import { formatIsoDate } from '../../components/dates'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { RequireCan, useCan } from '../../components/RequireCan'
import { usePageTitle } from '../../components/usePageTitle'
import { type Translate, useI18n, useT } from '../../i18n'
import { RuleSetForm, toDomain } from './RuleSetForm'
import { useDeleteRuleSet, useRuleSetHistory, useRuleSets } from './useRuleSets'

/** `/regelsett`: national isolation/quarantine rule sets; the operator edits them (SPEC §4). */
export function RuleSetsPage() {
  const t = useT()
  usePageTitle(t('ruleSets.title'))
  return (
    <RequireCan action="rulesets.read" title={t('ruleSets.title')}>
      <RuleSets />
    </RequireCan>
  )
}

const quarantineText = (t: Translate, r: RuleSetView) =>
  !r.quarantine
    ? t('ruleSets.none')
    : r.quarantine.testOutDay
      ? t('ruleSets.testOut', { days: r.quarantine.days, testOut: r.quarantine.testOutDay })
      : t('ruleSets.days', { days: r.quarantine.days })

function RuleSets() {
  const t = useT()
  const operator = useCan('rulesets.manage')
  const list = useRuleSets()
  const remove = useDeleteRuleSet()
  const [editing, setEditing] = useState<RuleSetView | 'new' | null>(null)
  const [history, setHistory] = useState<string | null>(null)
  if (list.isPending) return <Loading label={t('ruleSets.loading')} />
  if (list.isError) return <ErrorAlert error={list.error} onRetry={() => list.refetch()} />
  const items = list.data.items
  const others = items.map((r) =>
    toDomain(r.id, {
      name: r.name,
      validFrom: r.validFrom,
      validTo: r.validTo,
      source: r.source,
      quarantine: r.quarantine,
      isolation: r.isolation,
    }),
  )
  return (
    <div className="app-page">
      <div className="app-stack">
        <Heading level={1} data-size="lg">
          {t('ruleSets.title')}
        </Heading>
        <Paragraph>{t('ruleSets.intro')}</Paragraph>
      </div>
      {list.data.problems.length > 0 && (
        <Alert data-color="danger">
          <strong>{t('ruleSets.problems')}</strong>
          <ul>
            {list.data.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </Alert>
      )}
      <DataTable
        caption={t('ruleSets.title')}
        columns={[
          t('ruleSets.col.name'),
          t('ruleSets.col.valid'),
          t('ruleSets.col.quarantine'),
          t('ruleSets.col.isolation'),
          t('ruleSets.col.usage'),
          operator && t('ruleSets.col.actions'),
        ]}
      >
        {items.map((r) => (
          <Table.Row key={r.id}>
            <Table.Cell>
              {r.name}
              <br />
              <span className="cw-muted">{r.source}</span>
            </Table.Cell>
            <Table.Cell>
              {r.validTo
                ? t('measure.period', {
                    start: formatIsoDate(r.validFrom),
                    end: formatIsoDate(r.validTo),
                  })
                : t('ruleSets.openEnded', { from: formatIsoDate(r.validFrom) })}
            </Table.Cell>
            <Table.Cell>{quarantineText(t, r)}</Table.Cell>
            <Table.Cell>
              {r.isolation ? t('ruleSets.days', { days: r.isolation.days }) : t('ruleSets.none')}
            </Table.Cell>
            <Table.Cell>{t('ruleSets.usage', { count: r.usage })}</Table.Cell>
            {operator && (
              <Table.Cell>
                <div className="cw-inline">
                  <Button data-size="sm" variant="secondary" onClick={() => setEditing(r)}>
                    {t('ruleSets.edit')}
                    <span className="cw-visually-hidden"> {r.name}</span>
                  </Button>
                  <Button data-size="sm" variant="tertiary" onClick={() => setHistory(r.id)}>
                    {t('ruleSets.history')}
                    <span className="cw-visually-hidden"> {r.name}</span>
                  </Button>
                  {r.usage === 0 && (
                    <Button
                      data-size="sm"
                      variant="tertiary"
                      data-color="danger"
                      loading={remove.isPending && remove.variables?.id === r.id}
                      onClick={() => remove.mutate({ id: r.id, version: r.version })}
                    >
                      {t('ruleSets.delete')}
                      <span className="cw-visually-hidden"> {r.name}</span>
                    </Button>
                  )}
                </div>
              </Table.Cell>
            )}
          </Table.Row>
        ))}
      </DataTable>
      {remove.isError && <ErrorAlert error={remove.error} />}
      {operator && editing === null && (
        <div>
          <Button onClick={() => setEditing('new')}>{t('ruleSets.new')}</Button>
        </div>
      )}
      {operator && editing !== null && (
        <RuleSetForm
          key={editing === 'new' ? 'new' : `${editing.id}-${editing.version}`}
          existing={editing === 'new' ? null : editing}
          others={others}
          onDone={() => setEditing(null)}
        />
      )}
      {history && <History id={history} />}
    </div>
  )
}

function History({ id }: { id: string }) {
  const { t, formatDate } = useI18n()
  const q = useRuleSetHistory(id)
  return (
    <section className="app-stack cw-section" aria-label={t('ruleSets.historyHeading', { id })}>
      <Heading level={2} data-size="sm">
        {t('ruleSets.historyHeading', { id })}
      </Heading>
      {q.isPending && <Loading label={t('ruleSets.loading')} />}
      {q.isError && <ErrorAlert error={q.error} />}
      <ul>
        {q.data?.items.map((h) => (
          <li key={`${h.version}-${h.change}`}>
            {t('ruleSets.historyEntry', {
              version: h.version,
              change: t(`ruleSets.change.${h.change}`),
              at: formatDate(h.changedAt),
              by: h.changedBy?.name ?? '–',
            })}
          </li>
        ))}
      </ul>
    </section>
  )
}
