import { Alert, Card, Heading, List, Paragraph } from '@digdir/designsystemet-react'
import { useId } from 'react'
import type { CaseDetail } from '../../../shared/api/cases'
import { formatIsoDate } from '../../components/dates'
import { useT } from '../../i18n'

/** The computed smitteperiode (SPEC §3.2) and the case's non-blocking warnings. */
export function InfectiousPeriodBox({ detail }: { detail: CaseDetail }) {
  const t = useT()
  const headingId = useId()
  const p = detail.infectiousPeriod
  return (
    <Card className="app-stack" aria-labelledby={headingId} data-testid="infectious-period">
      <Heading level={2} data-size="xs" id={headingId}>
        {t('case.periodHeading')}
      </Heading>
      {p ? (
        <Paragraph>
          {p.end
            ? t('case.periodFromTo', { start: formatIsoDate(p.start), end: formatIsoDate(p.end) })
            : t('case.periodFrom', { start: formatIsoDate(p.start) })}{' '}
          <span className="cw-muted">
            {t(p.basis === 'onset' ? 'case.periodBasisOnset' : 'case.periodBasisTest', {
              date: formatIsoDate(p.basisDate),
            })}
          </span>
        </Paragraph>
      ) : (
        <Paragraph>{t('case.periodUnknown')}</Paragraph>
      )}
      {detail.warnings.length > 0 && (
        <Alert data-color="warning" data-size="sm">
          <Heading level={3} data-size="2xs">
            {t('case.warningsHeading')}
          </Heading>
          <List.Unordered>
            {detail.warnings.map((w) => (
              <List.Item key={w.code + w.path}>{w.message}</List.Item>
            ))}
          </List.Unordered>
        </Alert>
      )}
    </Card>
  )
}
