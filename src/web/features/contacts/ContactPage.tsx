import { Button, Checkbox, Fieldset, Heading, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react'
import { useId } from 'react'
import { FormProvider } from 'react-hook-form'
import { useParams } from 'react-router'
import { exposureType, relation } from '../../../shared/api/codes'
import { type ContactDetail, manualContactStatus } from '../../../shared/api/contacts'
import { AppLink } from '../../components/AppLink'
import { CodeOptions } from '../../components/CodeOptions'
import type { ConflictRow } from '../../components/ConflictNotice'
import { formatIsoDate, todayOslo } from '../../components/dates'
import { ErrorAlert } from '../../components/ErrorAlert'
import { fieldProps } from '../../components/formErrors'
import { Loading } from '../../components/Loading'
import { PastDateField } from '../../components/PastDateField'
import { RequireCan } from '../../components/RequireCan'
import { SaveActions } from '../../components/SaveActions'
import { SelectField } from '../../components/SelectField'
import { usePageTitle } from '../../components/usePageTitle'
import { type MessageKey, type Translate, useT } from '../../i18n'
import {
  CONTACT_STATUS_COLOR,
  CONTACT_STATUS_LABELS,
  codeLabel,
  EXPOSURE_SETTING_CODES,
  EXPOSURE_SETTING_LABELS,
  EXPOSURE_TYPE_LABELS,
  RELATION_LABELS,
} from '../cases/labels'
import { casePath } from '../cases/useCases'
import { FlagDialog } from '../flags/FlagDialog'
import { MeasuresPanel } from '../measures/MeasuresPanel'
import { PersonCard } from '../persons/PersonCard'
import { TransferDialog } from '../transfers/TransferDialog'
import { ContactAssignee } from './ContactAssignee'
import { ConvertToCaseDialog } from './ConvertToCaseDialog'
import {
  CONTACT_FIELD_NAMES,
  type ContactFieldName,
  type ContactFormValues,
  contactToForm,
} from './contactForm'
import { type ContactConflict, useContactForm } from './useContactForm'
import { useContact, useMarkNotified } from './useContacts'

const FIELD_LABELS: Record<ContactFieldName, MessageKey> = {
  relation: 'grid.relation',
  exposureSetting: 'grid.exposureSetting',
  exposureTypes: 'contact.exposureTypes',
  lastExposure: 'grid.lastExposure',
  household: 'grid.household',
  status: 'contact.status',
  symptoms: 'caseForm.symptoms',
  notes: 'caseForm.notes',
}

function display(t: Translate, field: ContactFieldName, v: ContactFormValues[ContactFieldName]): string {
  if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no')
  if (Array.isArray(v)) return v.map((x) => codeLabel(t, EXPOSURE_TYPE_LABELS, x)).join(', ')
  if (field === 'relation') return codeLabel(t, RELATION_LABELS, v)
  if (field === 'exposureSetting') return codeLabel(t, EXPOSURE_SETTING_LABELS, v)
  if (field === 'status') return codeLabel(t, CONTACT_STATUS_LABELS, v)
  if (field === 'lastExposure') return formatIsoDate(v)
  return v
}

function conflictRows(t: Translate, c: ContactConflict): ConflictRow[] {
  const stored = contactToForm(c.current)
  return CONTACT_FIELD_NAMES.map((field) => ({
    field,
    label: t(FIELD_LABELS[field]),
    yours: display(t, field, c.mine[field]),
    stored: display(t, field, stored[field]),
    changedByYou: c.changed.includes(field),
  }))
}

/** `/kontakter/:id`: one close contact — person, exposure (editable), notification, conversion. */
export function ContactPage() {
  const t = useT()
  return (
    <RequireCan action="case.read" title={t('contact.title')}>
      <ContactLoader />
    </RequireCan>
  )
}

function ContactLoader() {
  const t = useT()
  const { id = '' } = useParams()
  const query = useContact(id)
  const name = query.data ? `${query.data.person.firstName} ${query.data.person.lastName}` : undefined
  usePageTitle(name ? t('contact.pageTitle', { name }) : t('contact.title'))
  if (query.isPending) return <Loading label={t('contact.loading')} />
  if (query.isError)
    return (
      <div className="app-stack">
        <Heading level={1} data-size="lg">
          {t('contact.title')}
        </Heading>
        <ErrorAlert error={query.error} onRetry={() => query.refetch()} />
      </div>
    )
  return <ContactView contact={query.data} />
}

function ContactView({ contact }: { contact: ContactDetail }) {
  const t = useT()
  const index = contact.indexCase
  return (
    <div className="app-page">
      <div className="app-stack">
        {index && (
          <Paragraph data-size="sm">
            <AppLink to={casePath(index.id)}>
              {t('contact.backToCase', { name: `${index.person.firstName} ${index.person.lastName}` })}
            </AppLink>
          </Paragraph>
        )}
        <div className="app-title-row">
          <Heading level={1} data-size="lg">
            {t('contact.heading', { name: `${contact.person.firstName} ${contact.person.lastName}` })}
          </Heading>
          <Tag data-color={CONTACT_STATUS_COLOR[contact.status]}>
            {t(CONTACT_STATUS_LABELS[contact.status])}
          </Tag>
        </div>
        {index?.infectiousPeriod && (
          <Paragraph data-size="sm" className="cw-muted">
            {t('contact.indexPeriod', {
              start: formatIsoDate(index.infectiousPeriod.start),
              end: index.infectiousPeriod.end ? formatIsoDate(index.infectiousPeriod.end) : '…',
            })}
          </Paragraph>
        )}
        {contact.warnings.map((w) => (
          <Paragraph key={w.code} data-size="sm" className="cw-warning-text">
            {w.message}
          </Paragraph>
        ))}
      </div>
      <PersonCard personId={contact.person.id} />
      <ContactFollowUp contact={contact} />
      <MeasuresPanel contactId={contact.id} canStart={contact.status === 'active'} />
      <ContactForm contact={contact} />
    </div>
  )
}

/** Notified or not, conversion to a case, "Meld feil". */
function ContactFollowUp({ contact }: { contact: ContactDetail }) {
  const t = useT()
  const headingId = useId()
  const mark = useMarkNotified()
  return (
    <section aria-labelledby={headingId} className="app-stack cw-section">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('contact.followUpHeading')}
      </Heading>
      <Paragraph data-testid="contact-notified">
        {contact.notifiedAt
          ? t('contact.notifiedBy', {
              date: formatIsoDate(contact.notifiedAt),
              by: contact.notifiedBy?.name ?? t('common.unknown'),
            })
          : t('contacts.notNotified')}
      </Paragraph>
      <ContactAssignee contact={contact} />
      <div className="cw-actions">
        {!contact.notifiedAt ? (
          <Button
            variant="secondary"
            loading={mark.isPending}
            onClick={() => mark.mutate({ id: contact.id, notifiedAt: todayOslo(), version: contact.version })}
          >
            {t('contacts.markNotified')}
          </Button>
        ) : (
          <Button
            variant="tertiary"
            loading={mark.isPending}
            onClick={() => mark.mutate({ id: contact.id, notifiedAt: null, version: contact.version })}
          >
            {t('contact.undoNotified')}
          </Button>
        )}
        {contact.status === 'became_case' && contact.becameCaseId ? (
          <AppLink to={casePath(contact.becameCaseId)}>{t('contacts.openNewCase')}</AppLink>
        ) : (
          <ConvertToCaseDialog contact={contact} />
        )}
        <FlagDialog recordType="contact" recordId={contact.id} />
        {contact.status === 'active' && (
          <TransferDialog
            recordType="contact"
            recordId={contact.id}
            name={`${contact.person.firstName} ${contact.person.lastName}`}
          />
        )}
      </div>
      {mark.isError && <ErrorAlert error={mark.error} />}
    </section>
  )
}

function ContactForm({ contact }: { contact: ContactDetail }) {
  const t = useT()
  const headingId = useId()
  const { form, onSubmit, patch, conflict, reapply, reload, saved } = useContactForm(contact)
  const converted = contact.status === 'became_case'
  return (
    <section aria-labelledby={headingId} className="app-stack cw-section">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('contact.detailsHeading')}
      </Heading>
      <FormProvider {...form}>
        <form className="app-stack" onSubmit={onSubmit} noValidate>
          <div className="cw-form-grid">
            <SelectField label={t('grid.relation')} {...fieldProps(form, 'relation')}>
              <CodeOptions empty={t('common.choose')} codes={relation.options} labels={RELATION_LABELS} />
            </SelectField>
            <SelectField label={t('grid.exposureSetting')} {...fieldProps(form, 'exposureSetting')}>
              <CodeOptions
                empty={t('common.choose')}
                codes={EXPOSURE_SETTING_CODES}
                labels={EXPOSURE_SETTING_LABELS}
              />
            </SelectField>
            <PastDateField label={t('grid.lastExposure')} {...fieldProps(form, 'lastExposure')} />
            {!converted && (
              <SelectField label={t('contact.status')} {...fieldProps(form, 'status')}>
                <CodeOptions codes={manualContactStatus.options} labels={CONTACT_STATUS_LABELS} />
              </SelectField>
            )}
          </div>
          <Fieldset className="cw-fieldset">
            <Fieldset.Legend>{t('contact.exposureTypes')}</Fieldset.Legend>
            {exposureType.options.map((x) => (
              <Checkbox
                key={x}
                label={t(EXPOSURE_TYPE_LABELS[x])}
                value={x}
                {...form.register('exposureTypes')}
              />
            ))}
          </Fieldset>
          <Checkbox label={t('contact.householdMember')} {...form.register('household')} />
          <Textfield multiline rows={2} label={t('caseForm.symptoms')} {...fieldProps(form, 'symptoms')} />
          <Textfield multiline rows={3} label={t('caseForm.notes')} {...fieldProps(form, 'notes')} />
          <SaveActions
            save={patch}
            conflictRows={conflict ? conflictRows(t, conflict) : null}
            conflictTitle={t('conflict.titleContact')}
            onReload={reload}
            onReapply={reapply}
            saveLabel={t('contact.save')}
            savedText={saved && !form.formState.isDirty ? t('contact.saved') : ''}
          />
        </form>
      </FormProvider>
    </section>
  )
}
