import { Alert, Button, Fieldset, Heading, Paragraph, Radio, Table } from '@digdir/designsystemet-react'
import { useSearchParams } from 'react-router'
import type { PersonView } from '../../../shared/api/persons'
import { isApiError } from '../../api/client'
import { AppLink } from '../../components/AppLink'
import { DataTable } from '../../components/DataTable'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { RequireCan } from '../../components/RequireCan'
import { usePageTitle } from '../../components/usePageTitle'
import { type MessageKey, useT } from '../../i18n'
import { PERSON_FIELD_LABELS } from './PersonPage'
import { differingFields, type MergeField, useMergeForm } from './useMergeForm'
import { personPath, usePerson } from './usePersons'

const label = (f: MergeField): MessageKey =>
  PERSON_FIELD_LABELS[f as keyof typeof PERSON_FIELD_LABELS] ?? 'common.empty'

/** `/personer/duplikater/sammenslaing?a=&b=`: merge two person records, field by field. */
export function MergePage() {
  const t = useT()
  usePageTitle(t('merge.title'))
  return (
    <RequireCan action="person.merge" title={t('merge.title')}>
      <MergeLoader />
    </RequireCan>
  )
}

function MergeLoader() {
  const t = useT()
  const [params] = useSearchParams()
  const a = usePerson(params.get('a'))
  const b = usePerson(params.get('b'))
  return (
    <div className="app-page">
      <div className="app-stack">
        <Paragraph data-size="sm">
          <AppLink to="/personer/duplikater">{t('merge.back')}</AppLink>
        </Paragraph>
        <Heading level={1} data-size="lg">
          {t('merge.title')}
        </Heading>
      </div>
      {(a.isPending || b.isPending) && <Loading label={t('persons.loading')} />}
      {a.isError && <ErrorAlert error={a.error} />}
      {b.isError && <ErrorAlert error={b.error} />}
      {a.data && b.data && <MergeForm a={a.data} b={b.data} />}
    </div>
  )
}

function MergeForm({ a, b }: { a: PersonView; b: PersonView }) {
  const t = useT()
  const { form, onReview, confirming, setConfirming, confirm, merge, resultOf } = useMergeForm(a, b)
  const fields = differingFields(a, b)
  const name = (p: PersonView) => `${p.firstName} ${p.lastName}`
  const show = (p: PersonView, f: MergeField) =>
    ((p[f] as string | null) ?? '') ||
    (p.addressHidden && ['street', 'postcode', 'place'].includes(f) ? t('merge.hidden') : t('common.empty'))

  if (merge.isSuccess) {
    return (
      <Alert data-color="success" role="status">
        <Heading level={2} data-size="xs">
          {t('merge.done')}
        </Heading>
        <Paragraph>
          <AppLink to={personPath(merge.data.id)}>
            {t('merge.openResult', { name: name(merge.data) })}
          </AppLink>
        </Paragraph>
      </Alert>
    )
  }
  const values = form.watch()
  return (
    <form className="app-stack" onSubmit={onReview} noValidate>
      <Paragraph className="app-prose">{t('merge.intro')}</Paragraph>
      <Fieldset className="cw-fieldset" disabled={!!confirming}>
        <Fieldset.Legend>{t('merge.survivorLegend')}</Fieldset.Legend>
        <Fieldset.Description>{t('merge.survivorHelp')}</Fieldset.Description>
        <Radio label={t('merge.keepA', { name: name(a) })} value="a" {...form.register('survivor')} />
        <Radio label={t('merge.keepB', { name: name(b) })} value="b" {...form.register('survivor')} />
      </Fieldset>
      {fields.length === 0 && <Paragraph>{t('merge.allSame')}</Paragraph>}
      {fields.map((f) => (
        <Fieldset key={f} className="cw-fieldset cw-merge-field" disabled={!!confirming}>
          <Fieldset.Legend>{t(label(f))}</Fieldset.Legend>
          <Radio
            label={t('merge.valueA', { value: show(a, f) })}
            value="a"
            {...form.register(`fields.${f}`)}
          />
          <Radio
            label={t('merge.valueB', { value: show(b, f) })}
            value="b"
            {...form.register(`fields.${f}`)}
          />
        </Fieldset>
      ))}
      {!confirming ? (
        <div className="cw-actions">
          <Button type="submit">{t('merge.review')}</Button>
        </div>
      ) : (
        <Alert data-color="warning" className="app-stack">
          <Heading level={2} data-size="xs">
            {t('merge.confirmTitle')}
          </Heading>
          <Paragraph>{t('merge.confirmText', { name: name(values.survivor === 'a' ? a : b) })}</Paragraph>
          {fields.length > 0 && (
            <DataTable
              caption={t('merge.resultCaption')}
              zebra={false}
              columns={[t('conflict.field'), t('merge.resultValue')]}
            >
              {fields.map((f) => (
                <Table.Row key={f}>
                  <Table.HeaderCell scope="row">{t(label(f))}</Table.HeaderCell>
                  <Table.Cell>{resultOf(values, f) || t('common.empty')}</Table.Cell>
                </Table.Row>
              ))}
            </DataTable>
          )}
          {merge.isError && <ErrorAlert error={merge.error} />}
          {isApiError(merge.error) && merge.error.code === 'conflict' && (
            <Paragraph>{t('merge.stale')}</Paragraph>
          )}
          <div className="cw-actions">
            <Button type="button" onClick={confirm} loading={merge.isPending}>
              {t('merge.confirm')}
            </Button>
            <Button type="button" variant="tertiary" onClick={() => setConfirming(null)}>
              {t('merge.backToChoices')}
            </Button>
          </div>
        </Alert>
      )}
    </form>
  )
}
