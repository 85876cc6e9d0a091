import { Button, Fieldset, Radio, Textfield } from '@digdir/designsystemet-react'
import { useRef } from 'react'
import { testType } from '../../../shared/api/cases'
import type { ContactDetail } from '../../../shared/api/contacts'
import { CodeOptions } from '../../components/CodeOptions'
import { ErrorAlert } from '../../components/ErrorAlert'
import { FormDialog } from '../../components/FormDialog'
import { fieldProps } from '../../components/formErrors'
import { PastDateField } from '../../components/PastDateField'
import { SelectField } from '../../components/SelectField'
import { useT } from '../../i18n'
import { TEST_TYPE_LABELS } from '../cases/labels'
import { useConvertForm } from './useConvertForm'

/** "Gjør om til sak": the test facts of the new case in a dialog; on success, the new case opens. */
export function ConvertToCaseDialog({ contact }: { contact: ContactDetail }) {
  const t = useT()
  const ref = useRef<HTMLDialogElement>(null)
  const { form, onSubmit, convert } = useConvertForm(contact)
  return (
    <>
      <Button type="button" onClick={() => ref.current?.showModal()}>
        {t('contact.convert')}
      </Button>
      <FormDialog
        dialogRef={ref}
        title={t('contact.convertTitle', { name: `${contact.person.firstName} ${contact.person.lastName}` })}
        text={t('contact.convertText')}
        onSubmit={onSubmit}
        submitLabel={t('contact.convertSubmit')}
        submitting={convert.isPending}
      >
        <PastDateField label={t('caseForm.testDate')} {...fieldProps(form, 'testDate')} />
        <SelectField label={t('caseForm.testType')} {...fieldProps(form, 'testType')}>
          <CodeOptions empty={t('common.choose')} codes={testType.options} labels={TEST_TYPE_LABELS} />
        </SelectField>
        <PastDateField label={t('caseForm.resultDate')} {...fieldProps(form, 'resultDate')} />
        <Fieldset className="cw-inline-radios">
          <Fieldset.Legend>{t('caseForm.symptomatic')}</Fieldset.Legend>
          <Radio label={t('common.yes')} value="yes" {...form.register('symptomatic')} />
          <Radio label={t('common.no')} value="no" {...form.register('symptomatic')} />
          <Radio label={t('common.unknown')} value="" {...form.register('symptomatic')} />
        </Fieldset>
        <PastDateField label={t('caseForm.onsetDate')} {...fieldProps(form, 'onsetDate')} />
        <Textfield multiline rows={2} label={t('caseForm.symptoms')} {...fieldProps(form, 'symptoms')} />
        {convert.isError && <ErrorAlert error={convert.error} />}
      </FormDialog>
    </>
  )
}
