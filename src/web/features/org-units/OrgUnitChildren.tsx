import { Paragraph, Table, Tag } from '@digdir/designsystemet-react'
import type { OrgUnitDetail } from '../../../shared/api/org-units'
import { AppLink } from '../../components/AppLink'
import { useT } from '../../i18n'
import { kindLabel, statusColor, statusLabel } from './labels'
import { orgUnitPath } from './useOrgUnits'

/** The unit's direct sub-units with their own child counts. */
export function OrgUnitChildren({ unit }: { unit: OrgUnitDetail }) {
  const t = useT()
  if (unit.children.length === 0) {
    return <Paragraph>{t('orgUnits.noChildren', { name: unit.name })}</Paragraph>
  }
  return (
    <div className="app-table-scroll">
      <Table zebra border data-size="sm" data-testid="org-unit-children">
        <caption className="ds-sr-only">{t('orgUnits.childrenCaption', { name: unit.name })}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('orgUnits.code')}</Table.HeaderCell>
            <Table.HeaderCell>{t('orgUnits.name')}</Table.HeaderCell>
            <Table.HeaderCell>{t('orgUnits.kind')}</Table.HeaderCell>
            <Table.HeaderCell>{t('orgUnits.status')}</Table.HeaderCell>
            <Table.HeaderCell className="app-numeric">{t('orgUnits.childCount')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {unit.children.map((child) => (
            <Table.Row key={child.code}>
              <Table.Cell>{child.code}</Table.Cell>
              <Table.Cell>
                <AppLink to={orgUnitPath(child.code)}>{child.name}</AppLink>
              </Table.Cell>
              <Table.Cell>{t(kindLabel(child.kind))}</Table.Cell>
              <Table.Cell>
                <Tag data-color={statusColor[child.status]} data-size="sm">
                  {t(statusLabel(child.status))}
                </Tag>
              </Table.Cell>
              <Table.Cell className="app-numeric">{child.childCount}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  )
}
