import { Heading, Paragraph, Tag } from '@digdir/designsystemet-react'
import { useParams } from 'react-router'
import type { CaseDetail } from '../../../shared/api/cases'
import { AppLink } from '../../components/AppLink'
import { formatIsoDate } from '../../components/dates'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { RequireCan } from '../../components/RequireCan'
import { usePageTitle } from '../../components/usePageTitle'
import { useT } from '../../i18n'
import { chainByCasePath } from '../chains/useChains'
import { CaseContactsList } from '../contacts/CaseContactsList'
import { ContactGrid } from '../contacts/ContactGrid'
import { contactPath } from '../contacts/useContacts'
import { MeasuresPanel } from '../measures/MeasuresPanel'
import { PersonCard } from '../persons/PersonCard'
import { TransferDialog } from '../transfers/TransferDialog'
import { CaseActions } from './CaseActions'
import { CaseDetailsForm } from './CaseDetailsForm'
import { InfectiousPeriodBox } from './InfectiousPeriodBox'
import {
  CASE_STATUS_COLOR,
  CASE_STATUS_LABELS,
  INTERVIEW_STATUS_COLOR,
  INTERVIEW_STATUS_LABELS,
} from './labels'
import { useCase } from './useCases'

/** `/saker/:id`: one index case — person, follow-up, smitteperiode, details and its contacts. */
export function CasePage() {
  const t = useT()
  return (
    <RequireCan action="case.read" title={t('case.title')}>
      <CaseLoader />
    </RequireCan>
  )
}

function CaseLoader() {
  const t = useT()
  const { id = '' } = useParams()
  const query = useCase(id)
  const name = query.data ? `${query.data.person.firstName} ${query.data.person.lastName}` : undefined
  usePageTitle(name ? t('case.pageTitle', { name }) : t('case.title'))
  if (query.isPending) return <Loading label={t('case.loading')} />
  if (query.isError)
    return (
      <div className="app-stack">
        <Heading level={1} data-size="lg">
          {t('case.title')}
        </Heading>
        <ErrorAlert error={query.error} onRetry={() => query.refetch()} />
      </div>
    )
  return <CaseView detail={query.data} />
}

function CaseView({ detail }: { detail: CaseDetail }) {
  const t = useT()
  return (
    <div className="app-page">
      <div className="app-stack">
        <Paragraph data-size="sm">
          <AppLink to="/saker">{t('case.backToList')}</AppLink>
        </Paragraph>
        <div className="app-title-row">
          <Heading level={1} data-size="lg">
            {t('case.heading', { name: `${detail.person.firstName} ${detail.person.lastName}` })}
          </Heading>
          <Tag data-color={CASE_STATUS_COLOR[detail.status]}>{t(CASE_STATUS_LABELS[detail.status])}</Tag>
          <Tag data-color={INTERVIEW_STATUS_COLOR[detail.interviewStatus]}>
            {t('case.interviewTag', { status: t(INTERVIEW_STATUS_LABELS[detail.interviewStatus]) })}
          </Tag>
        </div>
        <Paragraph data-size="sm" className="cw-muted">
          {detail.testDate
            ? t('case.testedOn', { date: formatIsoDate(detail.testDate) })
            : t('case.probableCase')}
          {detail.sourceContactId && (
            <>
              {' · '}
              <AppLink to={contactPath(detail.sourceContactId)}>{t('case.fromContact')}</AppLink>
            </>
          )}
        </Paragraph>
      </div>
      <div className="cw-two-col">
        <PersonCard personId={detail.person.id} />
        <InfectiousPeriodBox detail={detail} />
      </div>
      <CaseActions detail={detail} />
      <div className="cw-actions">
        <AppLink to={chainByCasePath(detail.id)}>{t('event.showChain')}</AppLink>
        {detail.status === 'open' && (
          <TransferDialog
            recordType="case"
            recordId={detail.id}
            name={`${detail.person.firstName} ${detail.person.lastName}`}
          />
        )}
      </div>
      <MeasuresPanel caseId={detail.id} />
      <ContactGrid detail={detail} />
      <CaseContactsList contacts={detail.contacts} />
      <CaseDetailsForm detail={detail} />
    </div>
  )
}
