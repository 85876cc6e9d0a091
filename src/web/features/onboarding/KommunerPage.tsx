import { Button, Heading, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react'
import { useState } from 'react'
import { useSearchParams } from 'react-router'
import { AppLink } from '../../components/AppLink'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { RequireRole } from '../../components/RequireRole'
import { SelectField } from '../../components/SelectField'
import { usePageTitle } from '../../components/usePageTitle'
import { useT } from '../../i18n'
import { Pager } from '../users/Pager'
import { type KommuneFilter, kommunePath, useFylker, useKommuneList } from './useOnboarding'

const STATUSES = ['inactive', 'ready', 'active'] as const

/** `/kommuner`: the operator's overview of every municipality's onboarding progress. */
export function KommunerPage() {
  const t = useT()
  usePageTitle(t('kommuner.title'))
  return (
    <RequireRole roles={['operator']} title={t('kommuner.title')}>
      <KommunerView />
    </RequireRole>
  )
}

function useFilter(): [KommuneFilter, (next: Partial<KommuneFilter>) => void] {
  const [params, setParams] = useSearchParams()
  const filter: KommuneFilter = {
    fylke: params.get('fylke') ?? '',
    status: params.get('status') ?? '',
    q: params.get('q') ?? '',
    page: Math.max(1, Number(params.get('side')) || 1),
  }
  const update = (next: Partial<KommuneFilter>) => {
    const merged = { ...filter, page: 1, ...next }
    const out = new URLSearchParams()
    for (const key of ['fylke', 'status', 'q'] as const) if (merged[key]) out.set(key, merged[key])
    if (merged.page > 1) out.set('side', String(merged.page))
    setParams(out, { replace: true })
  }
  return [filter, update]
}

function KommunerView() {
  const t = useT()
  const [filter, setFilter] = useFilter()
  const [text, setText] = useState(filter.q)
  const fylker = useFylker()
  const list = useKommuneList(filter)
  return (
    <div className="app-page">
      <Heading level={1} data-size="lg">
        {t('kommuner.title')}
      </Heading>
      <Paragraph className="app-prose">{t('kommuner.intro')}</Paragraph>
      <search aria-label={t('kommuner.filterLabel')}>
        <form
          className="app-filters"
          onSubmit={(e) => {
            e.preventDefault()
            setFilter({ q: text.trim() })
          }}
        >
          <Textfield label={t('kommuner.search')} value={text} onChange={(e) => setText(e.target.value)} />
          <SelectField
            label={t('kommuner.fylke')}
            value={filter.fylke}
            onChange={(e) => setFilter({ fylke: e.target.value })}
          >
            <option value="">{t('kommuner.allFylker')}</option>
            {(fylker.data?.items ?? []).map((f) => (
              <option key={f.code} value={f.code}>
                {f.name}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('kommuner.status')}
            value={filter.status}
            onChange={(e) => setFilter({ status: e.target.value })}
          >
            <option value="">{t('kommuner.allStatuses')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`kommuner.status.${s}`)}
              </option>
            ))}
          </SelectField>
          <div>
            <Button type="submit" variant="secondary">
              {t('kommuner.searchButton')}
            </Button>
          </div>
        </form>
      </search>
      {list.isPending && <Loading label={t('kommuner.loading')} />}
      {list.isError && <ErrorAlert error={list.error} onRetry={() => list.refetch()} />}
      {list.data && (
        <>
          <Paragraph data-size="sm" aria-live="polite">
            {t('kommuner.count', { count: list.data.total })}
          </Paragraph>
          {list.data.items.length > 0 && (
            <div className="app-table-scroll">
              <Table zebra border data-size="sm" data-testid="kommuner-table">
                <caption className="ds-sr-only">{t('kommuner.caption')}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('kommuner.code')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('kommuner.name')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('kommuner.fylke')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('kommuner.status')}</Table.HeaderCell>
                    <Table.HeaderCell className="app-numeric">
                      {t('kommuner.activationProgress')}
                    </Table.HeaderCell>
                    <Table.HeaderCell className="app-numeric">{t('kommuner.fregProgress')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {list.data.items.map((k) => (
                    <Table.Row key={k.code}>
                      <Table.Cell>{k.code}</Table.Cell>
                      <Table.Cell>
                        <AppLink to={kommunePath(k.code)}>{k.name}</AppLink>
                      </Table.Cell>
                      <Table.Cell>{k.fylkeName}</Table.Cell>
                      <Table.Cell>
                        <Tag
                          data-size="sm"
                          data-color={
                            k.status === 'active' ? 'success' : k.activationDone === 4 ? 'info' : 'neutral'
                          }
                        >
                          {t(
                            `kommuner.status.${k.status === 'active' ? 'active' : k.activationDone === 4 ? 'ready' : 'inactive'}`,
                          )}
                        </Tag>
                      </Table.Cell>
                      <Table.Cell className="app-numeric">
                        {t('kommuner.progress', { done: k.activationDone })}
                      </Table.Cell>
                      <Table.Cell className="app-numeric">
                        {t('kommuner.progress', { done: k.fregDone })}
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          )}
          <Pager
            page={list.data.page}
            pageSize={list.data.pageSize}
            total={list.data.total}
            onPage={(page) => setFilter({ ...filter, page })}
          />
        </>
      )}
    </div>
  )
}
