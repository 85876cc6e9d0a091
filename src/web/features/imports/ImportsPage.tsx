import { Button, Field, Heading, Input, Label, Paragraph, Table } from '@digdir/designsystemet-react'
import { useState } from 'react'
import { useNavigate } from 'react-router'
import type { ImportRun } from '../../../shared/api/imports'
import { AppLink } from '../../components/AppLink'
import { DataTable } from '../../components/DataTable'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { RequireCan } from '../../components/RequireCan'
import { usePageTitle } from '../../components/usePageTitle'
import { type MessageKey, useT } from '../../i18n'
import { useImportList, useUpload } from './useImports'

/** `/import`: template, upload, and the municipality's earlier imports (SPEC §6). */
export function ImportsPage() {
  const t = useT()
  usePageTitle(t('imports.title'))
  return (
    <RequireCan action="import.run" title={t('imports.title')}>
      <ImportsView />
    </RequireCan>
  )
}

export const stateLabel = (t: ReturnType<typeof useT>, s: ImportRun['state']) =>
  t(`imports.state.${s}` as MessageKey)

export function resultText(t: ReturnType<typeof useT>, r: Pick<ImportRun, 'state' | 'counts' | 'error'>) {
  if (r.error) return r.error
  const c = r.counts
  const n = (x: number | undefined) => String(x ?? 0)
  if (r.state === 'committed')
    return t('imports.resultImported', {
      imported: n(c.imported),
      errors: n(c.errors),
      duplicates: n(c.duplicates),
    })
  if (c.rows === undefined) return ''
  return t('imports.result', { valid: n(c.valid), errors: n(c.errors), duplicates: n(c.duplicates) })
}

function ImportsView() {
  const t = useT()
  const navigate = useNavigate()
  const list = useImportList()
  const upload = useUpload()
  const [file, setFile] = useState<File | null>(null)
  return (
    <div className="app-page">
      <div className="app-stack">
        <Heading level={1} data-size="lg">
          {t('imports.title')}
        </Heading>
        <Paragraph>{t('imports.intro')}</Paragraph>
        <Paragraph>
          <a href="/api/imports/template.xlsx" download>
            {t('imports.template')}
          </a>
        </Paragraph>
        <form
          onSubmit={(e) => {
            e.preventDefault()
            if (file) upload.mutate(file, { onSuccess: (run) => navigate(`/import/${run.id}`) })
          }}
        >
          <Field>
            <Label>{t('imports.file')}</Label>
            <Input
              type="file"
              accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </Field>
          <Button type="submit" disabled={!file || upload.isPending}>
            {upload.isPending ? t('imports.uploading') : t('imports.upload')}
          </Button>
        </form>
        {upload.error && <ErrorAlert error={upload.error} />}
        <Heading level={2} data-size="md">
          {t('imports.list')}
        </Heading>
        {list.isPending ? (
          <Loading label={t('imports.loading')} />
        ) : list.error ? (
          <ErrorAlert error={list.error} />
        ) : list.data.items.length === 0 ? (
          <Paragraph>{t('imports.empty')}</Paragraph>
        ) : (
          <DataTable
            caption={t('imports.list')}
            zebra={false}
            columns={[
              t('imports.col.file'),
              t('imports.col.by'),
              t('imports.col.when'),
              t('imports.col.state'),
              t('imports.col.result'),
            ]}
          >
            {list.data.items.map((r) => (
              <Table.Row key={r.id}>
                <Table.Cell>
                  <AppLink to={`/import/${r.id}`}>{r.fileName}</AppLink>
                </Table.Cell>
                <Table.Cell>{r.createdBy.name}</Table.Cell>
                <Table.Cell>
                  {new Date(r.createdAt).toLocaleString('nb-NO', { timeZone: 'Europe/Oslo' })}
                </Table.Cell>
                <Table.Cell>{stateLabel(t, r.state)}</Table.Cell>
                <Table.Cell>{resultText(t, r)}</Table.Cell>
              </Table.Row>
            ))}
          </DataTable>
        )}
      </div>
    </div>
  )
}
