import { Alert, Button, Heading, Paragraph, Radio, Table, Textfield } from '@digdir/designsystemet-react'
import { useEffect, useState } from 'react'
import { useParams } from 'react-router'
import {
  IMPORT_FIELDS,
  type ImportMode,
  type ImportRecordType,
  type ImportRun,
  RECORD_TYPES,
  type SheetMapping,
} from '../../../shared/api/imports'
import { AppLink } from '../../components/AppLink'
import { DataTable } from '../../components/DataTable'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { RequireCan } from '../../components/RequireCan'
import { SelectField } from '../../components/SelectField'
import { usePageTitle } from '../../components/usePageTitle'
import { type MessageKey, useT } from '../../i18n'
import { resultText, stateLabel } from './ImportsPage'
import {
  BUSY,
  useApplyPreset,
  useCancel,
  useCommit,
  useImportRows,
  useImportRun,
  useMappingPresets,
  useSaveMapping,
  useValidate,
} from './useImports'

/** `/import/:id`: mapping → dry run with its report → commit, with progress while a step runs. */
export function ImportRunPage() {
  const t = useT()
  usePageTitle(t('imports.title'))
  return (
    <RequireCan action="import.run" title={t('imports.title')}>
      <RunView id={useParams().id ?? ''} />
    </RequireCan>
  )
}

function RunView({ id }: { id: string }) {
  const t = useT()
  const run = useImportRun(id)
  if (run.isPending) return <Loading label={t('imports.loading')} />
  if (run.error) return <ErrorAlert error={run.error} />
  const r = run.data
  const busy = BUSY.includes(r.state)
  return (
    <div className="app-page">
      <div className="app-stack">
        <AppLink to="/import">{t('imports.run.back')}</AppLink>
        <Heading level={1} data-size="lg">
          {t('imports.run.title', { file: r.fileName })}
        </Heading>
        <Paragraph data-testid="import-state">
          <strong>{stateLabel(t, r.state)}</strong> {resultText(t, r)}
        </Paragraph>
        {busy && (
          <div role="status" aria-live="polite">
            <Paragraph data-testid="import-progress">
              {r.progress.total != null
                ? t('imports.run.committing', {
                    rows: String(r.progressRows),
                    total: String(r.progress.total),
                  })
                : t('imports.run.progress', { rows: String(r.progressRows) })}
              {r.progress.rowsPerSecond != null && r.progress.secondsLeft != null && (
                <>
                  {' · '}
                  {t('imports.run.rate', {
                    rate: String(r.progress.rowsPerSecond),
                    seconds: String(r.progress.secondsLeft),
                  })}
                </>
              )}
            </Paragraph>
            <progress max={r.progress.total ?? undefined} value={r.progressRows} />
          </div>
        )}
        {['uploaded', 'validated', 'failed'].includes(r.state) && <MappingEditor run={r} />}
        {['uploaded', 'validated', 'failed'].includes(r.state) && <ValidateStep run={r} />}
        {(r.validatedAt || r.state === 'committed') && !busy && <Report run={r} />}
        {(r.state === 'validated' || (r.state === 'failed' && r.validatedAt)) && <CommitStep run={r} />}
        {r.state === 'committed' && (
          <Alert data-color="success">
            {t('imports.commit.done', {
              cases: String(r.counts.cases ?? 0),
              contacts: String(r.counts.contacts ?? 0),
              events: String(r.counts.events ?? 0),
              participants: String(r.counts.participants ?? 0),
              personsCreated: String(r.counts.personsCreated ?? 0),
            })}
          </Alert>
        )}
      </div>
    </div>
  )
}

function MappingEditor({ run }: { run: ImportRun }) {
  const t = useT()
  const save = useSaveMapping(run.id)
  const presets = useMappingPresets()
  const apply = useApplyPreset(run.id)
  const [presetId, setPresetId] = useState('')
  const [saveAs, setSaveAs] = useState('')
  const [mapping, setMapping] = useState<SheetMapping[]>(run.mapping)
  useEffect(() => setMapping(run.mapping), [run.mapping])
  const update = (i: number, m: Partial<SheetMapping>) =>
    setMapping((all) => all.map((x, j) => (j === i ? { ...x, ...m } : x)))
  return (
    <section className="app-stack" aria-labelledby="mapping-title">
      <Heading id="mapping-title" level={2} data-size="md">
        {t('imports.mapping.title')}
      </Heading>
      <Paragraph>{t('imports.mapping.help')}</Paragraph>
      {(presets.data?.items.length ?? 0) > 0 && (
        <div className="app-stack">
          <SelectField
            label={t('imports.mapping.preset')}
            value={presetId}
            onChange={(e) => setPresetId(e.target.value)}
          >
            <option value="">{t('imports.mapping.presetNone')}</option>
            {presets.data!.items.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </SelectField>
          <div>
            <Button
              variant="secondary"
              onClick={() => apply.mutate(presetId)}
              disabled={!presetId || apply.isPending}
            >
              {t('imports.mapping.apply')}
            </Button>
          </div>
          {apply.error && <ErrorAlert error={apply.error} />}
        </div>
      )}
      {run.columnWarnings.length > 0 && (
        <Alert data-color="warning" data-testid="import-unmapped">
          <Paragraph>{t('imports.mapping.unmapped')}</Paragraph>
          <ul>
            {run.columnWarnings.map((w) => (
              <li key={`${w.sheet}-${w.column}`}>{w.message}</li>
            ))}
          </ul>
        </Alert>
      )}
      {mapping.map((m, i) => {
        const headers = run.sheets.find((s) => s.name === m.name)?.headers ?? []
        return (
          <div key={m.name} className="app-stack">
            <SelectField
              label={t('imports.mapping.sheet', { name: m.name })}
              value={m.recordType ?? ''}
              onChange={(e) => {
                const recordType = (e.target.value || null) as ImportRecordType | null
                update(i, { recordType, columns: headers.map(() => null) })
              }}
            >
              <option value="">{t('imports.mapping.notImported')}</option>
              {RECORD_TYPES.map((rt) => (
                <option key={rt} value={rt}>
                  {t(`imports.type.${rt}` as MessageKey)}
                </option>
              ))}
            </SelectField>
            {m.recordType && (
              <DataTable
                caption={t('imports.mapping.sheet', { name: m.name })}
                zebra={false}
                columns={[t('imports.mapping.column'), t('imports.mapping.field')]}
              >
                {headers.map((h, c) => (
                  <Table.Row key={h}>
                    <Table.Cell>{h}</Table.Cell>
                    <Table.Cell>
                      <SelectField
                        label={
                          <span className="ds-sr-only">
                            {t('imports.mapping.field')}: {h}
                          </span>
                        }
                        value={m.columns[c] ?? ''}
                        onChange={(e) =>
                          update(i, {
                            columns: m.columns.map((x, k) => (k === c ? e.target.value || null : x)),
                          })
                        }
                      >
                        <option value="">{t('imports.mapping.ignore')}</option>
                        {IMPORT_FIELDS[m.recordType!].map((f) => (
                          <option key={f.field} value={f.field}>
                            {f.header}
                            {f.required ? ' *' : ''}
                          </option>
                        ))}
                      </SelectField>
                    </Table.Cell>
                  </Table.Row>
                ))}
              </DataTable>
            )}
          </div>
        )
      })}
      <Textfield
        label={t('imports.mapping.saveAs')}
        value={saveAs}
        maxLength={100}
        onChange={(e) => setSaveAs(e.target.value)}
      />
      <div>
        <Button
          variant="secondary"
          onClick={() =>
            save.mutate(
              { sheets: mapping, saveAs: saveAs.trim() || undefined },
              { onSuccess: () => void presets.refetch() },
            )
          }
          disabled={save.isPending}
        >
          {t('imports.mapping.save')}
        </Button>
      </div>
      {save.isSuccess && <Paragraph role="status">{t('imports.mapping.saved')}</Paragraph>}
      {save.error && <ErrorAlert error={save.error} />}
    </section>
  )
}

function ValidateStep({ run }: { run: ImportRun }) {
  const t = useT()
  const validate = useValidate(run.id)
  return (
    <section className="app-stack" aria-labelledby="validate-title">
      <Heading id="validate-title" level={2} data-size="md">
        {t('imports.validate.title')}
      </Heading>
      <Paragraph>{t('imports.validate.help')}</Paragraph>
      <Button onClick={() => validate.mutate(undefined)} disabled={validate.isPending}>
        {t('imports.validate.run')}
      </Button>
      {validate.error && <ErrorAlert error={validate.error} />}
    </section>
  )
}

function Report({ run }: { run: ImportRun }) {
  const t = useT()
  const [limit, setLimit] = useState(100)
  const rows = useImportRows(run.id, limit, true)
  const c = run.counts
  const n = (x: number | undefined) => x ?? 0
  return (
    <section className="app-stack" aria-labelledby="report-title">
      <Heading id="report-title" level={2} data-size="md">
        {t('imports.report.title')}
      </Heading>
      <Paragraph>
        {t('imports.report.counts', {
          rows: n(c.rows),
          valid: n(c.valid),
          errors: n(c.errors),
          duplicates: n(c.duplicates),
        })}
      </Paragraph>
      <Paragraph>
        <a href={`/api/imports/${run.id}/report.xlsx`} download>
          {t('imports.report.download')}
        </a>
      </Paragraph>
      {rows.isPending ? (
        <Loading label={t('imports.loading')} />
      ) : rows.error ? (
        <ErrorAlert error={rows.error} />
      ) : rows.data.items.length === 0 ? (
        <Paragraph>{t('imports.report.none')}</Paragraph>
      ) : (
        <DataTable
          caption={t('imports.report.title')}
          zebra={false}
          testId="import-report"
          columns={[
            t('imports.report.sheet'),
            t('imports.report.row'),
            t('imports.report.status'),
            t('imports.report.problems'),
          ]}
        >
          {rows.data.items.map((r) => (
            <Table.Row key={`${r.recordType}-${r.rowNumber}`}>
              <Table.Cell>{r.sheet}</Table.Cell>
              <Table.Cell>{r.rowNumber}</Table.Cell>
              <Table.Cell>{t(`imports.row.${r.status}` as MessageKey)}</Table.Cell>
              <Table.Cell>
                {r.issues.map((i) => (
                  <div key={`${i.column}-${i.message}`}>
                    {i.column ? <strong>{i.column}: </strong> : null}
                    {i.message}
                  </div>
                ))}
              </Table.Cell>
            </Table.Row>
          ))}
        </DataTable>
      )}
      {rows.data?.nextAfter != null && (
        <Button variant="tertiary" onClick={() => setLimit((l) => Math.min(500, l + 200))}>
          {t('imports.report.more')}
        </Button>
      )}
    </section>
  )
}

function CommitStep({ run }: { run: ImportRun }) {
  const t = useT()
  const commit = useCommit(run.id)
  const cancel = useCancel(run.id)
  const [mode, setMode] = useState<ImportMode>('strict')
  return (
    <section className="app-stack" aria-labelledby="commit-title">
      <Heading id="commit-title" level={2} data-size="md">
        {t('imports.commit.title')}
      </Heading>
      <fieldset>
        <legend>{t('imports.commit.mode')}</legend>
        <Radio
          name="mode"
          value="strict"
          label={t('imports.commit.strict')}
          checked={mode === 'strict'}
          onChange={() => setMode('strict')}
        />
        <Radio
          name="mode"
          value="valid_only"
          label={t('imports.commit.validOnly')}
          checked={mode === 'valid_only'}
          onChange={() => setMode('valid_only')}
        />
      </fieldset>
      <div>
        <Button onClick={() => commit.mutate(mode)} disabled={commit.isPending}>
          {t('imports.commit.run')}
        </Button>{' '}
        <Button variant="tertiary" onClick={() => cancel.mutate(undefined)} disabled={cancel.isPending}>
          {t('imports.cancel')}
        </Button>
      </div>
      {commit.error && <ErrorAlert error={commit.error} />}
      {cancel.error && <ErrorAlert error={cancel.error} />}
    </section>
  )
}
