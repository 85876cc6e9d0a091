import {
  Button,
  Checkbox,
  Fieldset,
  Heading,
  Paragraph,
  Radio,
  Textfield,
} from '@digdir/designsystemet-react'
import { useState } from 'react'
import {
  EXPORT_COLUMNS,
  EXPORT_MAX_ROWS,
  EXPORT_TYPE_LABELS,
  EXPORT_TYPES,
  type ExportType,
} from '../../../shared/api/exports'
import { withQuery } from '../../api/client'
import { ErrorAlert } from '../../components/ErrorAlert'
import { RequireCan } from '../../components/RequireCan'
import { usePageTitle } from '../../components/usePageTitle'
import { useT } from '../../i18n'
import { useExportDownload } from './useExportDownload'

/** `/eksport`: the line list as XLSX or CSV, with chosen types, columns and filters (SPEC §6). */
export function ExportPage() {
  const t = useT()
  usePageTitle(t('exports.title'))
  return (
    <RequireCan action="export.run" title={t('exports.title')}>
      <ExportForm />
    </RequireCan>
  )
}

function ExportForm() {
  const t = useT()
  const [types, setTypes] = useState<ExportType[]>(['cases'])
  const [columns, setColumns] = useState<Record<string, boolean>>({})
  const [format, setFormat] = useState<'xlsx' | 'csv'>('xlsx')
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const download = useExportDownload()
  const chosen = types.flatMap((ty) =>
    EXPORT_COLUMNS[ty].filter((c) => columns[`${ty}.${c.key}`] !== false).map((c) => `${ty}.${c.key}`),
  )
  const href = withQuery('/api/exports/line-list', {
    format,
    types: types.join(','),
    columns: chosen.join(','),
    from,
    to,
  })
  const toggleType = (ty: ExportType, on: boolean) =>
    setTypes((all) =>
      on ? EXPORT_TYPES.filter((x) => x === ty || all.includes(x)) : all.filter((x) => x !== ty),
    )
  const csvTooMany = format === 'csv' && types.length > 1
  return (
    <div className="app-page">
      <div className="app-stack">
        <Heading level={1} data-size="lg">
          {t('exports.title')}
        </Heading>
        <Paragraph>{t('exports.intro')}</Paragraph>
        <Fieldset>
          <Fieldset.Legend>{t('exports.types')}</Fieldset.Legend>
          {EXPORT_TYPES.map((ty) => (
            <Checkbox
              key={ty}
              label={EXPORT_TYPE_LABELS[ty]}
              value={ty}
              checked={types.includes(ty)}
              onChange={(e) => toggleType(ty, e.target.checked)}
            />
          ))}
        </Fieldset>
        {types.map((ty) => (
          <Fieldset key={ty}>
            <Fieldset.Legend>{t('exports.columns', { type: EXPORT_TYPE_LABELS[ty] })}</Fieldset.Legend>
            {EXPORT_COLUMNS[ty].map((c) => (
              <Checkbox
                key={c.key}
                label={c.header}
                value={c.key}
                checked={columns[`${ty}.${c.key}`] !== false}
                onChange={(e) => setColumns((all) => ({ ...all, [`${ty}.${c.key}`]: e.target.checked }))}
              />
            ))}
          </Fieldset>
        ))}
        <Fieldset>
          <Fieldset.Legend>{t('exports.format')}</Fieldset.Legend>
          <Radio
            name="format"
            value="xlsx"
            label="Excel (.xlsx)"
            checked={format === 'xlsx'}
            onChange={() => setFormat('xlsx')}
          />
          <Radio
            name="format"
            value="csv"
            label="CSV (;)"
            checked={format === 'csv'}
            onChange={() => setFormat('csv')}
          />
        </Fieldset>
        <Textfield
          label={t('exports.from')}
          type="date"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        />
        <Textfield label={t('exports.to')} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        {csvTooMany && <Paragraph>{t('exports.csvOneType')}</Paragraph>}
        <Paragraph data-size="sm">
          {t('exports.maxRows', { max: EXPORT_MAX_ROWS.toLocaleString('nb-NO') })}
        </Paragraph>
        {download.isError && <ErrorAlert error={download.error} />}
        <div>
          <Button
            disabled={types.length === 0 || csvTooMany}
            loading={download.isPending}
            onClick={() => download.mutate(href)}
          >
            {t('exports.download')}
          </Button>
        </div>
      </div>
    </div>
  )
}
