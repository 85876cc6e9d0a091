import type { SetURLSearchParams } from 'react-router'
import { caseStatus, interviewStatus } from '../../../shared/api/cases'
import { CodeOptions } from '../../components/CodeOptions'
import { FilterDate, FilterSearch, FilterSelect, useUrlFilters } from '../../components/UrlFilters'
import { useT } from '../../i18n'
import { useDefaultUnit } from '../ownership/useOwnership'
import {
  CASE_STATUS_LABELS,
  EXPOSURE_SETTING_CODES,
  EXPOSURE_SETTING_LABELS,
  INTERVIEW_STATUS_LABELS,
} from './labels'

/**
 * Filters of the case list, kept in the address (shareable, and Back restores them). Selects apply
 * at once; the free-text search after a typing pause.
 */
export function CaseFilters({
  params,
  setParams,
}: {
  params: URLSearchParams
  setParams: SetURLSearchParams
}) {
  const t = useT()
  const filters = useUrlFilters(params, setParams)
  const units = useDefaultUnit().data?.units ?? []
  return (
    <search className="cw-filters" aria-label={t('cases.filtersLabel')}>
      <FilterSearch filters={filters} label={t('cases.search')} description={t('cases.searchHelp')} />
      <FilterSelect filters={filters} name="status" label={t('cases.status')} fallback="open">
        <CodeOptions codes={caseStatus.options} labels={CASE_STATUS_LABELS} />
        <option value="all">{t('cases.all')}</option>
      </FilterSelect>
      <FilterSelect filters={filters} name="assignedTo" label={t('cases.assigned')}>
        <option value="">{t('cases.all')}</option>
        <option value="me">{t('cases.assignedMe')}</option>
        <option value="none">{t('cases.assignedNone')}</option>
      </FilterSelect>
      <FilterSelect filters={filters} name="interviewStatus" label={t('cases.interviewStatus')}>
        <option value="">{t('cases.all')}</option>
        <CodeOptions codes={interviewStatus.options} labels={INTERVIEW_STATUS_LABELS} />
      </FilterSelect>
      <FilterSelect filters={filters} name="exposureSetting" label={t('cases.exposureSetting')}>
        <option value="">{t('cases.all')}</option>
        <CodeOptions codes={EXPOSURE_SETTING_CODES} labels={EXPOSURE_SETTING_LABELS} />
      </FilterSelect>
      {units.length > 1 && (
        <FilterSelect filters={filters} name="unit" label={t('ownership.unitFilter')}>
          <option value="">{t('ownership.allUnits')}</option>
          {units.map((u) => (
            <option key={u.code} value={u.code}>
              {u.name}
            </option>
          ))}
        </FilterSelect>
      )}
      <FilterDate filters={filters} name="testDateFrom" label={t('cases.testDateFrom')} />
      <FilterDate filters={filters} name="testDateTo" label={t('cases.testDateTo')} />
    </search>
  )
}
