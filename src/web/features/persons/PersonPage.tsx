import { Alert, Checkbox, Fieldset, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react'
import { useId, useState } from 'react'
import { useParams } from 'react-router'
import { protectedAddress, sex, workplaceType } from '../../../shared/api/codes'
import type { PersonView } from '../../../shared/api/persons'
import { AppLink } from '../../components/AppLink'
import type { ConflictRow } from '../../components/ConflictNotice'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { RequireCan } from '../../components/RequireCan'
import { SaveActions } from '../../components/SaveActions'
import { SelectField } from '../../components/SelectField'
import { usePageTitle } from '../../components/usePageTitle'
import { type MessageKey, type Translate, useT } from '../../i18n'
import { FlagDialog } from '../flags/FlagDialog'
import { FregRefreshButton } from '../freg/FregRefreshButton'
import { MeasuresPanel } from '../measures/MeasuresPanel'
import { AddressFacts } from './PersonCard'
import { PersonRecords } from './PersonRecords'
import { type PersonConflict, type PersonField, personToForm, usePersonForm } from './usePersonForm'
import { usePerson } from './usePersons'

export const PERSON_FIELD_LABELS: Record<PersonField, MessageKey> = {
  firstName: 'person.firstName',
  lastName: 'person.lastName',
  nationalId: 'person.nationalId',
  birthDate: 'person.birthDate',
  sex: 'person.sex',
  phone: 'person.phone',
  phone2: 'person.phone2',
  email: 'person.email',
  street: 'person.street',
  postcode: 'person.postcode',
  place: 'person.place',
  protectedAddress: 'person.protectedAddress',
  preferredLanguage: 'person.preferredLanguage',
  interpreterNeeded: 'person.interpreter',
  workplaceName: 'person.workplaceName',
  workplaceType: 'person.workplaceType',
  foreignId: 'person.foreignId',
  foreignIdCountry: 'person.foreignIdCountry',
  notes: 'person.notes',
}
const SEX_LABELS: Record<string, MessageKey> = {
  female: 'code.sex.female',
  male: 'code.sex.male',
  other: 'code.sex.other',
  unknown: 'code.sex.unknown',
}
const PROTECTED_LABELS: Record<string, MessageKey> = {
  none: 'code.protected.none',
  fortrolig: 'code.protected.fortrolig',
  strengt_fortrolig: 'code.protected.strengt_fortrolig',
  strengt_fortrolig_utland: 'code.protected.strengt_fortrolig_utland',
}
const WORKPLACE_LABELS: Record<string, MessageKey> = {
  workplace: 'code.workplace.workplace',
  school: 'code.workplace.school',
  kindergarten: 'code.workplace.kindergarten',
  university: 'code.workplace.university',
  health: 'code.workplace.health',
  other: 'code.workplace.other',
}

function conflictRows(t: Translate, c: PersonConflict): ConflictRow[] {
  const stored = personToForm(c.current)
  const show = (v: string | boolean) => (typeof v === 'boolean' ? (v ? t('common.yes') : t('common.no')) : v)
  return (Object.keys(PERSON_FIELD_LABELS) as PersonField[]).map((field) => ({
    field,
    label: t(PERSON_FIELD_LABELS[field]),
    yours: show(c.mine[field]),
    stored: show(stored[field]),
    changedByYou: c.changed.includes(field),
  }))
}

/** `/personer/:id`: a person in the register — details (editable), address, cases. */
export function PersonPage() {
  const t = useT()
  return (
    <RequireCan action="person.read" title={t('persons.personTitle')}>
      <PersonLoader />
    </RequireCan>
  )
}

function PersonLoader() {
  const t = useT()
  const { id = '' } = useParams()
  const query = usePerson(id)
  const [revealed, setRevealed] = useState<PersonView | null>(null)
  const person = revealed && query.data && revealed.version === query.data.version ? revealed : query.data
  usePageTitle(person ? `${person.firstName} ${person.lastName}` : t('persons.personTitle'))
  if (query.isPending) return <Loading label={t('persons.loading')} />
  if (query.isError || !person)
    return (
      <div className="app-stack">
        <Heading level={1} data-size="lg">
          {t('persons.personTitle')}
        </Heading>
        <ErrorAlert error={query.error} onRetry={() => query.refetch()} />
      </div>
    )
  return (
    <div className="app-page">
      <div className="app-stack">
        <Paragraph data-size="sm">
          <AppLink to="/personer">{t('persons.backToSearch')}</AppLink>
        </Paragraph>
        <Heading level={1} data-size="lg">
          {person.firstName} {person.lastName}
        </Heading>
        {person.linked && <Paragraph className="cw-muted">{t('persons.linked')}</Paragraph>}
        <FollowedByNotice person={person} />
        <div className="cw-actions">
          <FlagDialog recordType="person" recordId={person.id} />
        </div>
        {person.nationalId && <FregRefreshButton person={person} />}
      </div>
      <section className="app-stack cw-section" aria-labelledby="person-address">
        <Heading level={2} data-size="sm" id="person-address">
          {t('person.address')}
        </Heading>
        <AddressFacts person={person} onRevealed={setRevealed} />
      </section>
      <PersonForm person={person} />
      <PersonRecords personId={person.id} />
      <MeasuresPanel personId={person.id} />
    </div>
  )
}

function PersonForm({ person }: { person: PersonView }) {
  const t = useT()
  const headingId = useId()
  const addressShown = !person.addressHidden
  const { form, onSubmit, update, conflict, reapply, reload, saved } = usePersonForm(person, addressShown)
  const errors = form.formState.errors
  const field = (
    name: Exclude<PersonField, 'interpreterNeeded' | 'sex' | 'protectedAddress' | 'workplaceType' | 'notes'>,
    props = {},
  ) => (
    <Textfield
      label={t(PERSON_FIELD_LABELS[name])}
      error={errors[name]?.message}
      autoComplete="off"
      {...props}
      {...form.register(name)}
    />
  )
  return (
    <section aria-labelledby={headingId} className="app-stack cw-section">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('persons.detailsHeading')}
      </Heading>
      <form className="app-stack" onSubmit={onSubmit} noValidate>
        <Fieldset className="cw-fieldset">
          <Fieldset.Legend>{t('persons.identityGroup')}</Fieldset.Legend>
          <div className="cw-form-grid">
            {field('firstName')}
            {field('lastName')}
            {field('nationalId', { inputMode: 'numeric' })}
            {field('birthDate', { type: 'date' })}
            <SelectField label={t('person.sex')} error={errors.sex?.message} {...form.register('sex')}>
              <option value="">{t('common.choose')}</option>
              {sex.options.map((s) => (
                <option key={s} value={s}>
                  {t(SEX_LABELS[s]!)}
                </option>
              ))}
            </SelectField>
            {field('foreignId')}
            {field('foreignIdCountry')}
          </div>
        </Fieldset>
        <Fieldset className="cw-fieldset">
          <Fieldset.Legend>{t('persons.contactGroup')}</Fieldset.Legend>
          <div className="cw-form-grid">
            {field('phone', { type: 'tel' })}
            {field('phone2', { type: 'tel' })}
            {field('email', { type: 'email' })}
            {addressShown && (
              <>
                {field('street')}
                {field('postcode', { inputMode: 'numeric' })}
                {field('place')}
              </>
            )}
            <SelectField
              label={t('person.protectedAddress')}
              error={errors.protectedAddress?.message}
              {...form.register('protectedAddress')}
            >
              {protectedAddress.options.map((s) => (
                <option key={s} value={s}>
                  {t(PROTECTED_LABELS[s]!)}
                </option>
              ))}
            </SelectField>
            {field('preferredLanguage')}
          </div>
          {!addressShown && <Paragraph data-size="sm">{t('persons.addressNotEditable')}</Paragraph>}
          <Checkbox label={t('person.interpreter')} {...form.register('interpreterNeeded')} />
        </Fieldset>
        <Fieldset className="cw-fieldset">
          <Fieldset.Legend>{t('persons.workGroup')}</Fieldset.Legend>
          <div className="cw-form-grid">
            {field('workplaceName')}
            <SelectField
              label={t('person.workplaceType')}
              error={errors.workplaceType?.message}
              {...form.register('workplaceType')}
            >
              <option value="">{t('common.choose')}</option>
              {workplaceType.options.map((s) => (
                <option key={s} value={s}>
                  {t(WORKPLACE_LABELS[s]!)}
                </option>
              ))}
            </SelectField>
          </div>
          <Textfield
            multiline
            rows={3}
            label={t('person.notes')}
            error={errors.notes?.message}
            {...form.register('notes')}
          />
        </Fieldset>
        <SaveActions
          save={update}
          conflictRows={conflict ? conflictRows(t, conflict) : null}
          conflictTitle={t('conflict.titlePerson')}
          onReload={reload}
          onReapply={reapply}
          saveLabel={t('persons.save')}
          savedText={saved && !form.formState.isDirty ? t('persons.saved') : ''}
        />
      </form>
    </section>
  )
}

/** "Følges også opp av Oslo kommune": other municipalities by name only (issue 17). */
function FollowedByNotice({ person }: { person: PersonView }) {
  const t = useT()
  const others = person.followedBy ?? []
  if (others.length === 0) return null
  const kommuner = others.map((k) => `${k.kommuneName} kommune`).join(', ')
  return (
    <Alert data-color="info" data-testid="person-followed-by">
      <Paragraph>{t('persons.followedBy', { kommuner })}</Paragraph>
      <Paragraph data-size="sm">{t('persons.followedByHelp')}</Paragraph>
    </Alert>
  )
}
