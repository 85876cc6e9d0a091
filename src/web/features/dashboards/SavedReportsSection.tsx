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
import { type SavedReportDefinition, savedReportBody } from '../../../shared/api/dashboards'
import { REPORT_MEASURES, type ReportMeasure } from '../../../shared/domain/reportTable'
import { AppLink } from '../../components/AppLink'
import { ErrorAlert } from '../../components/ErrorAlert'
import { fieldProps } from '../../components/formErrors'
import { checkedAs, useMutationForm } from '../../components/useMutationForm'
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

type SaveValues = {
  name: string
  kind: 'relative' | 'fixed'
  weeks: string
  measures: ReportMeasure[]
  breakdown: Breakdown
}
type Period = { from: string; to: string; unit: string | null }

function saveBody(v: SaveValues, { from, to, unit }: Period) {
  const period =
    v.kind === 'fixed'
      ? { kind: v.kind, from, to }
      : { kind: v.kind, weeks: Math.max(1, Math.min(52, Number(v.weeks) || 1)) }
  // Checkbox order is the order of clicking; the report lists measures in their fixed order.
  const measures = REPORT_MEASURES.filter((m) => v.measures.includes(m))
  return {
    name: v.name,
    definition: { period, unit, measures, breakdown: v.breakdown } as SavedReportDefinition,
  }
}

/** Saving the dashboard's view as a named report, checked as the shared `savedReportBody`. */
export function useSaveReportForm(period: Period) {
  const fieldOf = (path: string) => (path === 'name' ? 'name' : null)
  return useMutationForm({
    schema: checkedAs<SaveValues>((v) => ({ schema: savedReportBody, body: saveBody(v, period) }), fieldOf),
    defaultValues: {
      name: '',
      kind: 'relative',
      weeks: '8',
      measures: ['cases', 'contacts', 'knownContactShare'],
      breakdown: 'week',
    },
    mutation: useCreateSaved(),
    toBody: (v) => saveBody(v, period),
    fieldOf,
  })
}

function SaveForm({ from, to, unit }: Period) {
  const t = useT()
  const { form, mutation: create, onSubmit, unplacedError } = useSaveReportForm({ from, to, unit })
  const kind = form.watch('kind')
  return (
    <form className="app-stack rp-submit" onSubmit={onSubmit}>
      <Textfield label={t('saved.name')} {...fieldProps(form, 'name')} />
      <Fieldset>
        <Fieldset.Legend>{t('saved.period')}</Fieldset.Legend>
        <Radio value="relative" label={t('saved.period.relative')} {...form.register('kind')} />
        <Radio value="fixed" label={t('saved.period.fixed')} {...form.register('kind')} />
      </Fieldset>
      {kind === 'relative' && (
        <Textfield label={t('saved.weeks')} type="number" min={1} max={52} {...form.register('weeks')} />
      )}
      <Fieldset>
        <Fieldset.Legend>{t('saved.measures')}</Fieldset.Legend>
        {REPORT_MEASURES.map((m) => (
          <Checkbox key={m} value={m} label={t(`measure.${m}`)} {...form.register('measures')} />
        ))}
      </Fieldset>
      <Fieldset>
        <Fieldset.Legend>{t('saved.breakdown')}</Fieldset.Legend>
        {(['week', 'setting', 'unit'] as const).map((b) => (
          <Radio key={b} value={b} label={t(`saved.breakdown.${b}`)} {...form.register('breakdown')} />
        ))}
      </Fieldset>
      {unplacedError && <ErrorAlert error={unplacedError} />}
      {create.isSuccess && (
        <Alert data-color="success" role="status">
          {t('saved.saved', { name: create.data.name })}
        </Alert>
      )}
      <div>
        <Button type="submit" variant="secondary" loading={form.formState.isSubmitting}>
          {t('saved.save')}
        </Button>
      </div>
    </form>
  )
}
