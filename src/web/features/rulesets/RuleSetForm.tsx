import { Alert, Button, Heading, Textfield } from '@digdir/designsystemet-react'
import { useId, useState } from 'react'
import type { RuleSetView } from '../../../shared/api/rulesets'
import type { RuleSet } from '../../../shared/domain/measures'
import { ruleSetProblems } from '../../../shared/domain/ruleSets'
import { isApiError } from '../../api/client'
import { ErrorAlert } from '../../components/ErrorAlert'
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
  isolationDays: string
}

const num = (s: string) => (s.trim() === '' ? null : Number(s))

function toBody(v: Values, minSymptomFreeDays: number | null) {
  const q = num(v.quarantineDays)
  const i = num(v.isolationDays)
  return {
    name: v.name,
    validFrom: v.validFrom,
    validTo: v.validTo || null,
    source: v.source,
    quarantine: q === null ? null : { days: q, testOutDay: num(v.testOutDay) },
    isolation: i === null ? null : { days: i, minSymptomFreeDays },
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
          ...(b.isolation.minSymptomFreeDays ? { minSymptomFreeDays: b.isolation.minSymptomFreeDays } : {}),
        }
      : null,
  }
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
  const save = useSaveRuleSet()
  const [v, setV] = useState<Values>({
    id: existing?.id ?? '',
    name: existing?.name ?? '',
    validFrom: existing?.validFrom ?? '',
    validTo: existing?.validTo ?? '',
    source: existing?.source ?? '',
    quarantineDays: existing?.quarantine ? String(existing.quarantine.days) : '',
    testOutDay: existing?.quarantine?.testOutDay ? String(existing.quarantine.testOutDay) : '',
    isolationDays: existing?.isolation ? String(existing.isolation.days) : '',
  })
  const body = toBody(v, existing?.isolation?.minSymptomFreeDays ?? null)
  const id = existing?.id ?? v.id
  const problems =
    v.validFrom && id
      ? ruleSetProblems([...others.filter((o) => o.id !== id), toDomain(id, body)]).filter((p) =>
          p.includes(`«${id}»`),
        )
      : []
  const err = (path: string) => (isApiError(save.error) ? save.error.fieldError(path) : undefined)
  const field = (key: keyof Values) => ({
    value: v[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      setV({ ...v, [key]: e.target.value }),
  })
  const submit = (e: React.FormEvent) => {
    e.preventDefault()
    save.mutate(
      existing
        ? { id: existing.id, isNew: false, body: { ...body, version: existing.version } }
        : { id: v.id, isNew: true, body: { ...body, id: v.id } },
      { onSuccess: onDone },
    )
  }
  return (
    <section aria-labelledby={headingId} className="app-stack cw-section">
      <Heading level={2} data-size="sm" id={headingId}>
        {existing ? t('ruleSets.form.heading', { id: existing.id }) : t('ruleSets.form.newHeading')}
      </Heading>
      <form className="app-stack" onSubmit={submit} noValidate>
        <div className="cw-form-grid">
          {!existing && <Textfield label={t('ruleSets.form.id')} error={err('id')} {...field('id')} />}
          <Textfield label={t('ruleSets.form.name')} error={err('name')} {...field('name')} />
          <Textfield
            type="date"
            label={t('ruleSets.form.validFrom')}
            error={err('validFrom')}
            {...field('validFrom')}
          />
          <Textfield
            type="date"
            label={t('ruleSets.form.validTo')}
            error={err('validTo')}
            {...field('validTo')}
          />
          <Textfield
            type="number"
            min={1}
            label={t('ruleSets.form.quarantineDays')}
            error={err('quarantine.days')}
            {...field('quarantineDays')}
          />
          <Textfield
            type="number"
            min={1}
            label={t('ruleSets.form.testOutDay')}
            error={err('quarantine.testOutDay')}
            {...field('testOutDay')}
          />
          <Textfield
            type="number"
            min={1}
            label={t('ruleSets.form.isolationDays')}
            error={err('isolation.days')}
            {...field('isolationDays')}
          />
        </div>
        <Textfield
          multiline
          rows={3}
          label={t('ruleSets.form.source')}
          error={err('source')}
          {...field('source')}
        />
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
        {save.isError && !(isApiError(save.error) && save.error.errors.length > 0) && (
          <ErrorAlert error={save.error} />
        )}
        <div className="cw-actions">
          <Button type="submit" loading={save.isPending}>
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
