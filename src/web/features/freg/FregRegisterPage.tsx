import { Button, Details, Fieldset, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react'
import { useId } from 'react'
import type { FregStatus } from '../../../shared/api/freg'
import { formatNationalId } from '../../../shared/domain/nationalId'
import { AppLink } from '../../components/AppLink'
import { DataTable } from '../../components/DataTable'
import { ErrorAlert } from '../../components/ErrorAlert'
import { RequireCan } from '../../components/RequireCan'
import { SelectField } from '../../components/SelectField'
import { usePageTitle } from '../../components/usePageTitle'
import { useT } from '../../i18n'
import { FregLookupButton, useActiveKommune } from './FregLookupButton'
import { useFregStatus } from './useFreg'
import { useFregRegisterForm } from './useFregRegisterForm'

const personPath = (id: string) => `/personer/${encodeURIComponent(id)}`
const SEXES = ['female', 'male', 'other', 'unknown'] as const

/** `/folkeregister`: register a person from Folkeregisteret — look up, check, correct, save. */
export function FregRegisterPage() {
  const t = useT()
  usePageTitle(t('freg.page.title'))
  return (
    <RequireCan action="freg.lookup" title={t('freg.page.title')}>
      <FregRegisterForm />
    </RequireCan>
  )
}

function FregRegisterForm() {
  const t = useT()
  const formId = useId()
  const status = useFregStatus(useActiveKommune())
  const { form, fill, lookup, onSubmit, register } = useFregRegisterForm(personPath)
  const errors = form.formState.errors
  const nationalId = form.watch('nationalId')
  const protectedAddress = lookup && lookup.person.protectedAddress !== 'none'
  const text = (name: 'firstName' | 'lastName' | 'phone' | 'street' | 'postcode' | 'place', props = {}) => (
    <Textfield
      label={t(`freg.field.${name}`)}
      error={errors[name]?.message}
      autoComplete="off"
      {...props}
      {...form.register(name)}
    />
  )
  return (
    <div className="app-page">
      <div className="app-stack">
        <Heading level={1} data-size="lg">
          {t('freg.page.title')}
        </Heading>
        <Paragraph>{t('freg.page.lead')}</Paragraph>
      </div>
      <form className="app-stack" onSubmit={onSubmit} noValidate aria-labelledby={formId}>
        <Textfield
          label={t('freg.page.nationalId')}
          inputMode="numeric"
          autoComplete="off"
          error={errors.nationalId?.message}
          {...form.register('nationalId')}
        />
        <FregLookupButton nationalId={nationalId} onUse={fill} personPath={personPath} />
        <Fieldset className="app-stack">
          <Fieldset.Legend id={formId}>{t('freg.page.formHeading')}</Fieldset.Legend>
          {text('firstName')}
          {text('lastName')}
          <Textfield
            type="date"
            label={t('freg.field.birthDate')}
            error={errors.birthDate?.message}
            {...form.register('birthDate')}
          />
          <SelectField label={t('freg.field.sex')} error={errors.sex?.message} {...form.register('sex')}>
            <option value="">{t('common.choose')}</option>
            {SEXES.map((s) => (
              <option key={s} value={s}>
                {t(`freg.sex.${s}`)}
              </option>
            ))}
          </SelectField>
          {text('phone', { type: 'tel' })}
          {protectedAddress ? (
            <Paragraph data-size="sm">
              {t('freg.protected.notice', { level: t(`freg.protection.${lookup.person.protectedAddress}`) })}
            </Paragraph>
          ) : (
            <>
              {text('street')}
              {text('postcode', { inputMode: 'numeric' })}
              {text('place')}
            </>
          )}
        </Fieldset>
        {register.isError && <ErrorAlert error={register.error} />}
        <div className="freg-actions">
          <Button type="submit" disabled={!lookup} loading={register.isPending}>
            {t('freg.page.register')}
          </Button>
          <AppLink to="/saker/ny">{t('freg.page.manualLink')}</AppLink>
        </div>
      </form>
      {status.data?.testPersons && (
        <TestPersons status={status.data} onPick={(id) => form.setValue('nationalId', id)} />
      )}
    </div>
  )
}

/** Demo and test installations: the fake FREG's synthetic persons, to try every case. */
function TestPersons({ status, onPick }: { status: FregStatus; onPick: (id: string) => void }) {
  const t = useT()
  return (
    <Details>
      <Details.Summary>{t('freg.testPersons.summary')}</Details.Summary>
      <Details.Content>
        <DataTable
          caption={t('freg.testPersons.caption')}
          showCaption
          zebra={false}
          columns={[
            t('freg.testPersons.col.id'),
            t('freg.testPersons.col.label'),
            t('freg.testPersons.col.use'),
          ]}
        >
          {status.testPersons?.map((p) => (
            <Table.Row key={p.nationalId}>
              <Table.Cell>{formatNationalId(p.nationalId)}</Table.Cell>
              <Table.Cell>{p.label}</Table.Cell>
              <Table.Cell>
                <Button type="button" variant="tertiary" data-size="sm" onClick={() => onPick(p.nationalId)}>
                  {t('freg.testPersons.use', { id: formatNationalId(p.nationalId) })}
                </Button>
              </Table.Cell>
            </Table.Row>
          ))}
        </DataTable>
      </Details.Content>
    </Details>
  )
}
