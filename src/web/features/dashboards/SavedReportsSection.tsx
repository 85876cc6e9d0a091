import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Heading,
  Paragraph,
  Radio,
  Textfield,
} from '@digdir/designsystemet-react'
import { useState } from 'react'
import type { SavedReportDefinition } from '../../../shared/api/dashboards'
import { REPORT_MEASURES, type ReportMeasure } from '../../../shared/domain/reportTable'
import { isApiError } from '../../api/client'
import { AppLink } from '../../components/AppLink'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useT } from '../../i18n'
import { useCreateSaved, useDeleteSaved, useSavedReports } from './useDashboard'

type Breakdown = SavedReportDefinition['breakdown']

/** Saved report definitions (*faste rapporter*): save the current selection, list, open, delete. */
export function SavedReportsSection({ from, to, unit }: { from: string; to: string; unit: string | null }) {
  const t = useT()
  const list = useSavedReports()
  const remove = useDeleteSaved()
  return (
    <section className="app-stack" aria-labelledby="saved-heading">
      <Heading level={2} data-size="md" id="saved-heading">
        {t('saved.title')}
      </Heading>
      <Paragraph>{t('saved.intro')}</Paragraph>
      {list.isError && <ErrorAlert error={list.error} onRetry={() => list.refetch()} />}
      {list.data && list.data.items.length === 0 && <Paragraph>{t('saved.none')}</Paragraph>}
      {list.data && list.data.items.length > 0 && (
        <ul className="app-stack" data-testid="saved-reports">
          {list.data.items.map((r) => (
            <li key={r.id} className="app-title-row">
              <AppLink to={`/faste-rapporter/${r.id}`}>{r.name}</AppLink>
              <Button variant="tertiary" data-size="sm" onClick={() => remove.mutate(r.id)}>
                {t('saved.delete', { name: r.name })}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <SaveForm from={from} to={to} unit={unit} />
    </section>
  )
}

function SaveForm({ from, to, unit }: { from: string; to: string; unit: string | null }) {
  const t = useT()
  const create = useCreateSaved()
  const [name, setName] = useState('')
  const [kind, setKind] = useState<'relative' | 'fixed'>('relative')
  const [weeks, setWeeks] = useState('8')
  const [measures, setMeasures] = useState<ReportMeasure[]>(['cases', 'contacts', 'knownContactShare'])
  const [breakdown, setBreakdown] = useState<Breakdown>('week')
  const err = (path: string) => (isApiError(create.error) ? create.error.fieldError(path) : undefined)
  const toggle = (m: ReportMeasure, on: boolean) =>
    setMeasures((prev) => REPORT_MEASURES.filter((x) => (x === m ? on : prev.includes(x))))
  return (
    <form
      className="app-stack rp-submit"
      onSubmit={(e) => {
        e.preventDefault()
        const period =
          kind === 'fixed'
            ? { kind, from, to }
            : { kind, weeks: Math.max(1, Math.min(52, Number(weeks) || 1)) }
        create.mutate({ name, definition: { period, unit, measures, breakdown } as SavedReportDefinition })
      }}
    >
      <Textfield
        label={t('saved.name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={err('body.name')}
      />
      <Fieldset>
        <Fieldset.Legend>{t('saved.period')}</Fieldset.Legend>
        <Radio
          name="period"
          value="relative"
          label={t('saved.period.relative')}
          checked={kind === 'relative'}
          onChange={() => setKind('relative')}
        />
        <Radio
          name="period"
          value="fixed"
          label={t('saved.period.fixed')}
          checked={kind === 'fixed'}
          onChange={() => setKind('fixed')}
        />
      </Fieldset>
      {kind === 'relative' && (
        <Textfield
          label={t('saved.weeks')}
          type="number"
          min={1}
          max={52}
          value={weeks}
          onChange={(e) => setWeeks(e.target.value)}
        />
      )}
      <Fieldset>
        <Fieldset.Legend>{t('saved.measures')}</Fieldset.Legend>
        {REPORT_MEASURES.map((m) => (
          <Checkbox
            key={m}
            value={m}
            label={t(`measure.${m}`)}
            checked={measures.includes(m)}
            onChange={(e) => toggle(m, e.target.checked)}
          />
        ))}
      </Fieldset>
      <Fieldset>
        <Fieldset.Legend>{t('saved.breakdown')}</Fieldset.Legend>
        {(['week', 'setting', 'unit'] as const).map((b) => (
          <Radio
            key={b}
            name="breakdown"
            value={b}
            label={t(`saved.breakdown.${b}`)}
            checked={breakdown === b}
            onChange={() => setBreakdown(b)}
          />
        ))}
      </Fieldset>
      {create.error && !err('body.name') && <ErrorAlert error={create.error} />}
      {create.isSuccess && (
        <Alert data-color="success" role="status">
          {t('saved.saved', { name: create.data.name })}
        </Alert>
      )}
      <div>
        <Button type="submit" variant="secondary" loading={create.isPending}>
          {t('saved.save')}
        </Button>
      </div>
    </form>
  )
}
