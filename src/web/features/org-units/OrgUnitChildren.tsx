import { Paragraph, Table, Tag } from '@digdir/designsystemet-react'
import type { OrgUnitDetail } from '../../../shared/api/org-units'
import { AppLink } from '../../components/AppLink'
import { DataTable } from '../../components/DataTable'
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
    <DataTable
      caption={t('orgUnits.childrenCaption', { name: unit.name })}
      border
      testId="org-unit-children"
      columns={[
        t('orgUnits.code'),
        t('orgUnits.name'),
        t('orgUnits.kind'),
        t('orgUnits.status'),
        { label: t('orgUnits.childCount'), numeric: true },
      ]}
    >
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
    </DataTable>
  )
}
