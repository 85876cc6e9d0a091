import { Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react'
import type { KommuneProgress } from '../../../shared/api/onboarding'
import { AppLink } from '../../components/AppLink'
import { DataTable } from '../../components/DataTable'
import { RequireCan } from '../../components/RequireCan'
import { SelectField } from '../../components/SelectField'
import { TotalList } from '../../components/TotalList'
import { SearchForm, usePageFilter } from '../../components/UrlFilters'
import { usePageTitle } from '../../components/usePageTitle'
import { useT } from '../../i18n'
import { kommunePath, useFylker, useKommuneList } from './useOnboarding'

const STATUSES = ['inactive', 'ready', 'active'] as const

/** `/kommuner`: the operator's overview of every municipality's onboarding progress. */
export function KommunerPage() {
  const t = useT()
  usePageTitle(t('kommuner.title'))
  return (
    <RequireCan action="onboarding.manage" title={t('kommuner.title')}>
      <KommunerView />
    </RequireCan>
  )
}

function KommunerView() {
  const t = useT()
  const [filter, setFilter] = usePageFilter({ fylke: 'fylke', status: 'status', q: 'q' })
  const fylker = useFylker()
  const list = useKommuneList(filter)
  return (
    <div className="app-page">
      <Heading level={1} data-size="lg">
        {t('kommuner.title')}
      </Heading>
      <Paragraph className="app-prose">{t('kommuner.intro')}</Paragraph>
      <SearchForm
        label={t('kommuner.filterLabel')}
        search={t('kommuner.search')}
        button={t('kommuner.searchButton')}
        initial={filter.q}
        onSearch={(q) => setFilter({ q })}
      >
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
      </SearchForm>
      <TotalList
        list={list}
        loading={t('kommuner.loading')}
        count={(count) => t('kommuner.count', { count })}
        onPage={(page) => setFilter({ page })}
      >
        {(items) => <KommuneTable items={items} />}
      </TotalList>
    </div>
  )
}

function KommuneTable({ items }: { items: KommuneProgress[] }) {
  const t = useT()
  return (
    <DataTable
      caption={t('kommuner.caption')}
      border
      testId="kommuner-table"
      columns={[
        t('kommuner.code'),
        t('kommuner.name'),
        t('kommuner.fylke'),
        t('kommuner.status'),
        { label: t('kommuner.activationProgress'), numeric: true },
        { label: t('kommuner.fregProgress'), numeric: true },
      ]}
    >
      {items.map((k) => (
        <Table.Row key={k.code}>
          <Table.Cell>{k.code}</Table.Cell>
          <Table.Cell>
            <AppLink to={kommunePath(k.code)}>{k.name}</AppLink>
          </Table.Cell>
          <Table.Cell>{k.fylkeName}</Table.Cell>
          <Table.Cell>
            <Tag
              data-size="sm"
              data-color={k.status === 'active' ? 'success' : k.activationDone === 4 ? 'info' : 'neutral'}
            >
              {t(
                `kommuner.status.${k.status === 'active' ? 'active' : k.activationDone === 4 ? 'ready' : 'inactive'}`,
              )}
            </Tag>
          </Table.Cell>
          <Table.Cell className="app-numeric">
            {t('kommuner.progress', { done: k.activationDone })}
          </Table.Cell>
          <Table.Cell className="app-numeric">{t('kommuner.progress', { done: k.fregDone })}</Table.Cell>
        </Table.Row>
      ))}
    </DataTable>
  )
}
