import { Textfield } from '@digdir/designsystemet-react'
import { useEffect, useState } from 'react'
import type { SetURLSearchParams } from 'react-router'
import { caseStatus, interviewStatus } from '../../../shared/api/cases'
import { SelectField } from '../../components/SelectField'
import { useDebounced } from '../../components/useDebounced'
import { useT } from '../../i18n'
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
  const set = (key: string, value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev)
        if (value) next.set(key, value)
        else next.delete(key)
        return next
      },
      { replace: true },
    )
  const [q, setQ] = useState(params.get('q') ?? '')
  const debouncedQ = useDebounced(q.trim(), 350)
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new search term updates the address
  useEffect(() => {
    if (debouncedQ !== (params.get('q') ?? '')) set('q', debouncedQ)
  }, [debouncedQ])

  return (
    <search className="cw-filters" aria-label={t('cases.filtersLabel')}>
      <Textfield
        type="search"
        className="cw-filters__search"
        label={t('cases.search')}
        description={t('cases.searchHelp')}
        autoComplete="off"
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      <SelectField
        label={t('cases.status')}
        value={params.get('status') ?? 'open'}
        onChange={(e) => set('status', e.target.value)}
      >
        {caseStatus.options.map((s) => (
          <option key={s} value={s}>
            {t(CASE_STATUS_LABELS[s])}
          </option>
        ))}
        <option value="all">{t('cases.all')}</option>
      </SelectField>
      <SelectField
        label={t('cases.assigned')}
        value={params.get('assignedTo') ?? ''}
        onChange={(e) => set('assignedTo', e.target.value)}
      >
        <option value="">{t('cases.all')}</option>
        <option value="me">{t('cases.assignedMe')}</option>
        <option value="none">{t('cases.assignedNone')}</option>
      </SelectField>
      <SelectField
        label={t('cases.interviewStatus')}
        value={params.get('interviewStatus') ?? ''}
        onChange={(e) => set('interviewStatus', e.target.value)}
      >
        <option value="">{t('cases.all')}</option>
        {interviewStatus.options.map((s) => (
          <option key={s} value={s}>
            {t(INTERVIEW_STATUS_LABELS[s])}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('cases.exposureSetting')}
        value={params.get('exposureSetting') ?? ''}
        onChange={(e) => set('exposureSetting', e.target.value)}
      >
        <option value="">{t('cases.all')}</option>
        {EXPOSURE_SETTING_CODES.map((s) => (
          <option key={s} value={s}>
            {t(EXPOSURE_SETTING_LABELS[s])}
          </option>
        ))}
      </SelectField>
      <Textfield
        type="date"
        label={t('cases.testDateFrom')}
        value={params.get('testDateFrom') ?? ''}
        onChange={(e) => set('testDateFrom', e.target.value)}
      />
      <Textfield
        type="date"
        label={t('cases.testDateTo')}
        value={params.get('testDateTo') ?? ''}
        onChange={(e) => set('testDateTo', e.target.value)}
      />
    </search>
  )
}
