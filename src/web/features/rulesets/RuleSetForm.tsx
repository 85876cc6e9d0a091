import { Alert, Button, Heading, Textfield } from '@digdir/designsystemet-react'
import { useId } from 'react'
import { type RuleSetView, ruleSetCreate, ruleSetUpdate } from '../../../shared/api/rulesets'
import type { RuleSet } from '../../../shared/domain/measures'
import { ruleSetProblems } from '../../../shared/domain/ruleSets'
import { ErrorAlert } from '../../components/ErrorAlert'
import { fieldProps } from '../../components/formErrors'
import { checkedAs, useMutationForm } from '../../components/useMutationForm'
import { useT } from '../../i18n'
import { useSaveRuleSet } from './useRuleSets'

type Values = {
  id: string
  name: string
  validFrom: string
  validTo: string
  source: string
  quarantineDays: string
  testOutDay: string
  quarantineCallDays: string
  isolationDays: string
  isolationCallDays: string
}

const num = (s: string) => (s.trim() === '' ? null : Number(s))
/** "1, 3, 7" → [1, 3, 7]; empty: null (the municipality's settings). */
const dayList = (s: string) =>
  s.trim() === ''
    ? null
    : s
        .split(/[,;\s]+/)
        .filter(Boolean)
        .map(Number)

function toBody(v: Values, minSymptomFreeDays: number | null) {
  const q = num(v.quarantineDays)
  const i = num(v.isolationDays)
  return {
    name: v.name,
    validFrom: v.validFrom,
    validTo: v.validTo || null,
    source: v.source,
    quarantine:
      q === null ? null : { days: q, testOutDay: num(v.testOutDay), callDays: dayList(v.quarantineCallDays) },
    isolation: i === null ? null : { days: i, minSymptomFreeDays, callDays: dayList(v.isolationCallDays) },
  }
}

export function toDomain(id: string, b: ReturnType<typeof toBody>): RuleSet {
  return {
    id,
    name: b.name,
    validFrom: b.validFrom,
    validTo: b.validTo,
    source: b.source,
    quarantine: b.quarantine ? { ...b.quarantine, from: 'last-exposure' } : null,
    isolation: b.isolation
      ? {
          days: b.isolation.days,
          from: 'onset-or-test',
          callDays: b.isolation.callDays,
          ...(b.isolation.minSymptomFreeDays ? { minSymptomFreeDays: b.isolation.minSymptomFreeDays } : {}),
        }
      : null,
  }
}

const valuesOf = (existing: RuleSetView | null): Values => ({
  id: existing?.id ?? '',
  name: existing?.name ?? '',
  validFrom: existing?.validFrom ?? '',
  validTo: existing?.validTo ?? '',
  source: existing?.source ?? '',
  quarantineDays: existing?.quarantine ? String(existing.quarantine.days) : '',
  testOutDay: existing?.quarantine?.testOutDay ? String(existing.quarantine.testOutDay) : '',
  quarantineCallDays: existing?.quarantine?.callDays?.join(', ') ?? '',
  isolationDays: existing?.isolation ? String(existing.isolation.days) : '',
  isolationCallDays: existing?.isolation?.callDays?.join(', ') ?? '',
})

/** Body path → form field: the rules' figures are flat text fields in the form. */
const FIELD_OF: Record<string, keyof Values> = {
  id: 'id',
  name: 'name',
  validFrom: 'validFrom',
  validTo: 'validTo',
  source: 'source',
  'quarantine.days': 'quarantineDays',
  'quarantine.testOutDay': 'testOutDay',
  'isolation.days': 'isolationDays',
  'quarantine.callDays': 'quarantineCallDays',
  'isolation.callDays': 'isolationCallDays',
}
const fieldOf = (path: string) => FIELD_OF[path] ?? FIELD_OF[path.replace(/\.\d+$/, '')] ?? null

/** Create (`ruleSetCreate`) or edit (`ruleSetUpdate`) a rule set, checked with the shared schema. */
export function useRuleSetForm(existing: RuleSetView | null, onDone: () => void) {
  const minSymptomFreeDays = existing?.isolation?.minSymptomFreeDays ?? null
  const request = (v: Values) => {
    const body = toBody(v, minSymptomFreeDays)
    return existing
      ? { id: existing.id, isNew: false, body: { ...body, version: existing.version } }
      : { id: v.id, isNew: true, body: { ...body, id: v.id } }
  }
  return useMutationForm({
    schema: checkedAs<Values>(
      (v) => ({ schema: existing ? ruleSetUpdate : ruleSetCreate, body: request(v).body }),
      fieldOf,
    ),
    defaultValues: valuesOf(existing),
    mutation: useSaveRuleSet(),
    toBody: request,
    fieldOf,
    onSuccess: onDone,
  })
}

/**
 * Create or edit a rule set. The same `ruleSetProblems` check the server runs shows overlaps and
 * bad figures against the other sets before saving.
 */
export function RuleSetForm({
  existing,
  others,
  onDone,
}: {
  existing: RuleSetView | null
  others: RuleSet[]
  onDone: () => void
}) {
  const t = useT()
  const headingId = useId()
  const { form, onSubmit, unplacedError } = useRuleSetForm(existing, onDone)
  const v = form.watch()
  const id = existing?.id ?? v.id
  const problems =
    v.validFrom && id
      ? ruleSetProblems([
          ...others.filter((o) => o.id !== id),
          toDomain(id, toBody(v, existing?.isolation?.minSymptomFreeDays ?? null)),
        ]).filter((p) => p.includes(`«${id}»`))
      : []
  const field = (key: keyof Values) => fieldProps(form, key)
  return (
    <section aria-labelledby={headingId} className="app-stack cw-section">
      <Heading level={2} data-size="sm" id={headingId}>
        {existing ? t('ruleSets.form.heading', { id: existing.id }) : t('ruleSets.form.newHeading')}
      </Heading>
      <form className="app-stack" onSubmit={onSubmit} noValidate>
        <div className="cw-form-grid">
          {!existing && <Textfield label={t('ruleSets.form.id')} {...field('id')} />}
          <Textfield label={t('ruleSets.form.name')} {...field('name')} />
          <Textfield type="date" label={t('ruleSets.form.validFrom')} {...field('validFrom')} />
          <Textfield type="date" label={t('ruleSets.form.validTo')} {...field('validTo')} />
          <Textfield
            type="number"
            min={1}
            label={t('ruleSets.form.quarantineDays')}
            {...field('quarantineDays')}
          />
          <Textfield type="number" min={1} label={t('ruleSets.form.testOutDay')} {...field('testOutDay')} />
          <Textfield
            type="number"
            min={1}
            label={t('ruleSets.form.isolationDays')}
            {...field('isolationDays')}
          />
          <Textfield label={t('ruleSets.form.quarantineCallDays')} {...field('quarantineCallDays')} />
          <Textfield label={t('ruleSets.form.isolationCallDays')} {...field('isolationCallDays')} />
        </div>
        <Textfield multiline rows={3} label={t('ruleSets.form.source')} {...field('source')} />
        {problems.length > 0 && (
          <Alert data-color="warning">
            <strong>{t('ruleSets.form.preview')}</strong>
            <ul>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </Alert>
        )}
        {unplacedError && <ErrorAlert error={unplacedError} />}
        <div className="cw-actions">
          <Button type="submit" loading={form.formState.isSubmitting}>
            {t('ruleSets.form.save')}
          </Button>
          <Button type="button" variant="tertiary" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </section>
  )
}
