import { Breadcrumbs, Heading, Tag } from '@digdir/designsystemet-react'
import { useId } from 'react'
import { Link as RouterLink, useParams } from 'react-router'
import type { OrgUnitDetail } from '../../../shared/api/org-units'
import { AppLink } from '../../components/AppLink'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { useCan } from '../../components/RequireCan'
import { usePageTitle } from '../../components/usePageTitle'
import { useI18n, useT } from '../../i18n'
import { KommuneSearch } from './KommuneSearch'
import { kindLabel, sourceLabel, statusColor, statusLabel } from './labels'
import { OrgUnitChildren } from './OrgUnitChildren'
import { SubunitsSection } from './SubunitsSection'
import { NORWAY_CODE, orgUnitPath, useOrgUnit } from './useOrgUnits'

/** `/organisasjon` (Norge) and `/organisasjon/:code`: one unit, its sub-units and a kommune search. */
export function OrgUnitPage() {
  const t = useT()
  const { code = NORWAY_CODE } = useParams()
  const query = useOrgUnit(code)
  usePageTitle(query.data?.name ?? t('orgUnits.title'))

  if (query.isPending) {
    return (
      <>
        <Heading level={1} data-size="lg">
          {t('orgUnits.title')}
        </Heading>
        <Loading label={t('orgUnits.loading')} />
      </>
    )
  }
  if (query.isError) {
    return (
      <div className="app-stack">
        <Heading level={1} data-size="lg">
          {t('orgUnits.title')}
        </Heading>
        <ErrorAlert error={query.error} onRetry={() => query.refetch()} />
        <KommuneSearch />
      </div>
    )
  }
  return <OrgUnitView unit={query.data} />
}

/** The Administrator manages sub-units on the page of the own (active) municipality. */
function useManagesSubunits(unit: OrgUnitDetail) {
  return useCan('subunit.manage', { kommune: unit.code })
}

function OrgUnitView({ unit }: { unit: OrgUnitDetail }) {
  const t = useT()
  const childrenId = useId()
  const managesSubunits = useManagesSubunits(unit)
  return (
    <div className="app-page">
      <OrgUnitBreadcrumbs unit={unit} />
      <div className="app-title-row">
        <Heading level={1} data-size="lg">
          {unit.name}
        </Heading>
        <Tag data-color={statusColor[unit.status]}>{t(statusLabel(unit.status))}</Tag>
      </div>
      <div className="app-columns">
        <OrgUnitFacts unit={unit} />
        <KommuneSearch />
      </div>
      <section aria-labelledby={childrenId} className="app-stack">
        <Heading level={2} data-size="sm" id={childrenId}>
          {t('orgUnits.childrenHeading')}
        </Heading>
        <OrgUnitChildren unit={unit} />
      </section>
      {managesSubunits && <SubunitsSection />}
    </div>
  )
}

/** Path from Norge down to this unit; on narrow screens Designsystemet shows only "back to parent". */
function OrgUnitBreadcrumbs({ unit }: { unit: OrgUnitDetail }) {
  const t = useT()
  const parent = unit.ancestors.at(-1)
  if (!parent) return null
  return (
    <Breadcrumbs aria-label={t('orgUnits.breadcrumbsLabel')}>
      <Breadcrumbs.Link asChild aria-label={t('orgUnits.backTo', { name: parent.name })}>
        <RouterLink to={orgUnitPath(parent.code)}>{parent.name}</RouterLink>
      </Breadcrumbs.Link>
      <Breadcrumbs.List>
        {[...unit.ancestors, unit].map((item) => (
          <Breadcrumbs.Item key={item.code}>
            <Breadcrumbs.Link asChild>
              <RouterLink to={orgUnitPath(item.code)}>{item.name}</RouterLink>
            </Breadcrumbs.Link>
          </Breadcrumbs.Item>
        ))}
      </Breadcrumbs.List>
    </Breadcrumbs>
  )
}

function OrgUnitFacts({ unit }: { unit: OrgUnitDetail }) {
  const { t, formatDate } = useI18n()
  const headingId = useId()
  const county = unit.kind === 'fylke' ? null : unit.ancestors.find((a) => a.kind === 'fylke')
  return (
    <section aria-labelledby={headingId} className="app-stack">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('orgUnits.detailsHeading')}
      </Heading>
      <dl className="app-facts" data-testid="org-unit-facts">
        <dt>{t('orgUnits.code')}</dt>
        <dd>{unit.code}</dd>
        <dt>{t('orgUnits.kind')}</dt>
        <dd>{t(kindLabel(unit.kind))}</dd>
        {county && (
          <>
            <dt>{t('orgUnits.county')}</dt>
            <dd>
              <AppLink to={orgUnitPath(county.code)}>{county.name}</AppLink>
            </dd>
          </>
        )}
        <dt>{t('orgUnits.status')}</dt>
        <dd>{t(statusLabel(unit.status))}</dd>
        {unit.activatedAt && (
          <>
            <dt>{t('orgUnits.activatedAt')}</dt>
            <dd>{formatDate(unit.activatedAt)}</dd>
          </>
        )}
        <dt>{t('orgUnits.source')}</dt>
        <dd>{t(sourceLabel(unit.source))}</dd>
      </dl>
    </section>
  )
}
