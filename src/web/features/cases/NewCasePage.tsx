import { Alert, Button, Checkbox, ErrorSummary, Heading, Paragraph } from '@digdir/designsystemet-react'
import { FormProvider } from 'react-hook-form'
import { Link as RouterLink } from 'react-router'
import { isApiError } from '../../api/client'
import { AppLink } from '../../components/AppLink'
import { ErrorAlert } from '../../components/ErrorAlert'
import { RequireCan } from '../../components/RequireCan'
import { usePageTitle } from '../../components/usePageTitle'
import { useT } from '../../i18n'
import { CaseFieldsFieldset } from './CaseFieldsFieldset'
import { NewCasePersonSection } from './NewCasePersonSection'
import { casePath } from './useCases'
import { useNewCaseForm } from './useNewCaseForm'

/** `/saker/ny`: register an index case — the person first, then the case facts. */
export function NewCasePage() {
  const t = useT()
  usePageTitle(t('newCase.title'))
  return (
    <RequireCan action="case.write" title={t('newCase.title')}>
      <NewCaseForm />
    </RequireCan>
  )
}

function NewCaseForm() {
  const t = useT()
  const { form, onSubmit, create, candidates, setCandidates, unplaced, setFregLookup } = useNewCaseForm()
  const error = create.error
  const openCaseId =
    isApiError(error) && error.code === 'open-case-exists'
      ? (error.problem?.caseId as string | undefined)
      : undefined
  return (
    <FormProvider {...form}>
      <form className="app-page" onSubmit={onSubmit} noValidate>
        <div className="app-stack">
          <Heading level={1} data-size="lg">
            {t('newCase.title')}
          </Heading>
          <Paragraph className="app-prose">{t('newCase.intro')}</Paragraph>
        </div>
        <NewCasePersonSection
          candidates={candidates}
          clearCandidates={() => setCandidates([])}
          onFregUse={setFregLookup}
        />
        <section className="app-stack cw-section" aria-labelledby="new-case-facts">
          <Heading level={2} data-size="sm" id="new-case-facts">
            {t('newCase.caseHeading')}
          </Heading>
          <CaseFieldsFieldset />
        </section>
        <Checkbox label={t('newCase.assignToMe')} {...form.register('assignToMe')} />
        {openCaseId && (
          <Alert data-color="warning">
            <Paragraph>
              {t('newCase.openCaseExists')}{' '}
              <AppLink to={casePath(openCaseId)}>{t('newCase.openExisting')}</AppLink>
            </Paragraph>
          </Alert>
        )}
        {error && !openCaseId && !isApiError(error) && <ErrorAlert error={error} />}
        {isApiError(error) && !openCaseId && error.code !== 'possible-duplicates' && (
          <ErrorSummary>
            <ErrorSummary.Heading>{error.title || t('error.title')}</ErrorSummary.Heading>
            {unplaced.length > 0 && (
              <ErrorSummary.List>
                {unplaced.map((e) => (
                  <ErrorSummary.Item key={e.path + e.message}>{e.message}</ErrorSummary.Item>
                ))}
              </ErrorSummary.List>
            )}
          </ErrorSummary>
        )}
        <div className="cw-actions">
          <Button type="submit" loading={create.isPending}>
            {t('newCase.submit')}
          </Button>
          <Button asChild variant="tertiary">
            <RouterLink to="/saker">{t('common.cancel')}</RouterLink>
          </Button>
        </div>
      </form>
    </FormProvider>
  )
}
