import { Button, Checkbox, Dialog, Heading, Paragraph, Table } from '@digdir/designsystemet-react'
import { useId, useRef, useState } from 'react'
import type { FregField, FregFieldChange, FregRefreshResult } from '../../../shared/api/freg'
import type { PersonView } from '../../../shared/api/persons'
import { DataTable } from '../../components/DataTable'
import { formatIsoDate } from '../../components/dates'
import { type Translate, useI18n } from '../../i18n'
import { useActiveKommune } from './FregLookupButton'
import { FregPersonFacts } from './FregPersonFacts'
import { FregDisabledNotice, FregProblem } from './FregProblem'
import { useFregApply, useFregRefresh, useFregStatus } from './useFreg'

/** A field's value as the table shows it (codes through i18n). */
function shown(t: Translate, field: FregField, value: string | null) {
  if (value === null || value === '') return t('freg.empty')
  if (field === 'sex') return t(`freg.sex.${value as 'female'}`)
  if (field === 'protectedAddress') return t(`freg.protection.${value as 'none'}`)
  if (field === 'birthDate') return formatIsoDate(value)
  return value
}

/** Changed fields are ticked by default, unless FREG has nothing for them. */
const preselect = (changes: FregFieldChange[]) =>
  new Set(changes.filter((c) => c.changed && c.freg !== null).map((c) => c.field))

/**
 * "Hent fra Folkeregisteret" on the person page: asks FREG, shows the register's value next to
 * FREG's for each field, and saves only the ticked ones (with the time they were fetched). A
 * protection level from FREG is always saved — the dialog says so instead of offering a choice.
 */
export function FregRefreshButton({
  person,
  onApplied,
}: {
  person: PersonView
  onApplied?: (p: PersonView) => void
}) {
  const { t, formatDate } = useI18n()
  const kommune = useActiveKommune()
  const status = useFregStatus(kommune)
  const refresh = useFregRefresh(person.id)
  const apply = useFregApply(person.id)
  const dialog = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const [preview, setPreview] = useState<FregRefreshResult | null>(null)
  const [chosen, setChosen] = useState<Set<FregField>>(new Set())
  const [saved, setSaved] = useState(false)
  const disabled = status.data ? !status.data.enabled : false

  const open = async () => {
    setSaved(false)
    apply.reset()
    try {
      const r = await refresh.mutateAsync()
      setPreview(r)
      setChosen(preselect(r.changes))
      dialog.current?.showModal()
    } catch {
      // Explained by <FregProblem> below.
    }
  }
  const toggle = (field: FregField) =>
    setChosen((prev) => {
      const next = new Set(prev)
      if (next.has(field)) next.delete(field)
      else next.add(field)
      return next
    })
  const save = async () => {
    if (!preview) return
    try {
      const updated = await apply.mutateAsync({
        version: person.version,
        receipt: preview.receipt,
        fields: [...chosen],
      })
      dialog.current?.close()
      setSaved(true)
      onApplied?.(updated)
    } catch {
      // Shown in the dialog.
    }
  }
  const anyChange = preview?.changes.some((c) => c.changed)
  const forcedProtection = preview && preview.person.protectedAddress !== 'none'

  return (
    <div className="app-stack">
      <div className="freg-actions">
        <Button
          type="button"
          variant="secondary"
          data-size="sm"
          onClick={open}
          disabled={disabled}
          loading={refresh.isPending}
        >
          {refresh.isPending ? t('freg.fetching') : t('freg.button')}
        </Button>
        <Paragraph data-size="sm" className="freg-muted" role="status">
          {saved
            ? t('freg.refresh.saved')
            : person.fregFetchedAt
              ? t('freg.lastFetched', { date: formatDate(person.fregFetchedAt) })
              : ''}
        </Paragraph>
      </div>
      <div aria-live="polite">
        {status.data && !status.data.enabled && <FregDisabledNotice status={status.data} />}
        {refresh.isError && <FregProblem error={refresh.error} />}
      </div>
      <Dialog ref={dialog} closeButton={t('common.close')} aria-labelledby={titleId} className="freg-dialog">
        {preview && (
          <div className="app-stack">
            <Heading level={2} data-size="xs" id={titleId}>
              {t('freg.refresh.title')}
            </Heading>
            <FregPersonFacts person={preview.person} fetchedAt={preview.fetchedAt} />
            {anyChange ? (
              <DataTable
                caption={t('freg.refresh.caption')}
                showCaption
                zebra={false}
                className="freg-table cw-table"
                columns={[
                  t('freg.refresh.field'),
                  t('freg.refresh.current'),
                  t('freg.refresh.freg'),
                  t('freg.refresh.update'),
                ]}
              >
                {preview.changes
                  .filter((c) => c.changed)
                  .map((c) => {
                    const label = t(`freg.field.${c.field}`)
                    const forced = c.field === 'protectedAddress' && !!forcedProtection
                    return (
                      <Table.Row key={c.field}>
                        <Table.HeaderCell scope="row">{label}</Table.HeaderCell>
                        <Table.Cell>{shown(t, c.field, c.current)}</Table.Cell>
                        <Table.Cell>{shown(t, c.field, c.freg)}</Table.Cell>
                        <Table.Cell>
                          <Checkbox
                            aria-label={t('freg.refresh.updateField', { field: label })}
                            checked={forced || chosen.has(c.field)}
                            disabled={forced}
                            onChange={() => toggle(c.field)}
                          />
                        </Table.Cell>
                      </Table.Row>
                    )
                  })}
              </DataTable>
            ) : (
              <Paragraph>{t('freg.refresh.noChanges')}</Paragraph>
            )}
            {forcedProtection && <Paragraph data-size="sm">{t('freg.refresh.protectedForced')}</Paragraph>}
            {apply.isError && <FregProblem error={apply.error} />}
            <div className="freg-actions">
              <Button type="button" onClick={save} loading={apply.isPending}>
                {anyChange ? t('freg.refresh.save') : t('freg.refresh.saveStamp')}
              </Button>
              <Button type="button" variant="tertiary" onClick={() => dialog.current?.close()}>
                {t('common.cancel')}
              </Button>
            </div>
          </div>
        )}
      </Dialog>
    </div>
  )
}
