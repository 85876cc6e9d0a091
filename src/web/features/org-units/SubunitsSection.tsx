import { Button, Heading, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react'
import { useId, useState } from 'react'
import {
  createSubunitBody,
  renameSubunitBody,
  type SubunitOverview,
  type SubunitSummary,
} from '../../../shared/api/org-units'
import { DataTable } from '../../components/DataTable'
import { ErrorAlert } from '../../components/ErrorAlert'
import { fieldProps } from '../../components/formErrors'
import { SelectField } from '../../components/SelectField'
import { useMutationForm } from '../../components/useMutationForm'
import { useT } from '../../i18n'
import { statusColor, statusLabel } from './labels'
import { useAddSubunit, useRenameSubunit, useRetireSubunit, useSubunits } from './useSubunits'

/**
 * The municipality's own sub-units, for its Administrator on the kommune's organisation page:
 * add under the kommune or a bydel, rename, retire. SSB units above are read-only.
 */
export function SubunitsSection() {
  const t = useT()
  const headingId = useId()
  const query = useSubunits(true)
  return (
    <section aria-labelledby={headingId} className="app-stack" data-testid="own-subunits">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('subunits.heading')}
      </Heading>
      <Paragraph className="app-prose">{t('subunits.intro')}</Paragraph>
      {query.isError && <ErrorAlert error={query.error} onRetry={() => query.refetch()} />}
      {query.data && (
        <>
          {query.data.subunits.length > 0 ? (
            <SubunitTable units={query.data.subunits} name={query.data.kommune.name} />
          ) : (
            <Paragraph>{t('subunits.none')}</Paragraph>
          )}
          <AddSubunitForm overview={query.data} />
        </>
      )}
    </section>
  )
}

function SubunitTable({ units, name }: { units: SubunitSummary[]; name: string }) {
  const t = useT()
  return (
    <DataTable
      caption={t('subunits.caption', { name })}
      border
      columns={[
        t('orgUnits.code'),
        t('orgUnits.name'),
        t('subunits.parent'),
        t('orgUnits.status'),
        t('subunits.actions'),
      ]}
    >
      {units.map((u) => (
        <SubunitRow key={u.code} unit={u} />
      ))}
    </DataTable>
  )
}

function SubunitRow({ unit }: { unit: SubunitSummary }) {
  const t = useT()
  const [mode, setMode] = useState<'idle' | 'rename' | 'retire'>('idle')
  const retire = useRetireSubunit()
  const close = () => setMode('idle')
  return (
    <Table.Row>
      <Table.Cell>{unit.code}</Table.Cell>
      <Table.Cell>{mode === 'rename' ? <RenameForm unit={unit} onClose={close} /> : unit.name}</Table.Cell>
      <Table.Cell>{unit.parentName}</Table.Cell>
      <Table.Cell>
        <Tag data-color={statusColor[unit.status]} data-size="sm">
          {t(statusLabel(unit.status))}
        </Tag>
      </Table.Cell>
      <Table.Cell>
        {unit.status !== 'retired' && mode === 'idle' && (
          <div className="app-actions">
            <Button variant="secondary" data-size="sm" onClick={() => setMode('rename')}>
              {t('subunits.rename', { name: unit.name })}
            </Button>
            <Button variant="tertiary" data-size="sm" onClick={() => setMode('retire')}>
              {t('subunits.retire', { name: unit.name })}
            </Button>
          </div>
        )}
        {mode === 'retire' && (
          <div className="app-actions">
            <Button
              data-size="sm"
              data-color="danger"
              loading={retire.isPending}
              onClick={() => retire.mutate({ code: unit.code, version: unit.version }, { onSuccess: close })}
            >
              {t('subunits.confirmRetire', { name: unit.name })}
            </Button>
            <Button variant="tertiary" data-size="sm" onClick={close}>
              {t('users.cancel')}
            </Button>
          </div>
        )}
        {retire.error && mode === 'retire' && <ErrorAlert error={retire.error} />}
      </Table.Cell>
    </Table.Row>
  )
}

/** Renaming a sub-unit in its row, checked with the shared `renameSubunitBody`. */
export function useRenameSubunitForm(unit: SubunitSummary, onDone: () => void) {
  return useMutationForm({
    schema: renameSubunitBody.pick({ name: true }),
    defaultValues: { name: unit.name },
    mutation: useRenameSubunit(),
    toBody: ({ name }) => ({ code: unit.code, version: unit.version, name }),
    onSuccess: onDone,
  })
}

function RenameForm({ unit, onClose }: { unit: SubunitSummary; onClose: () => void }) {
  const t = useT()
  const { form, onSubmit, unplacedError } = useRenameSubunitForm(unit, onClose)
  return (
    <form className="app-inline-form" onKeyDown={(e) => e.key === 'Escape' && onClose()} onSubmit={onSubmit}>
      <Textfield label={t('subunits.newName', { name: unit.name })} {...fieldProps(form, 'name')} />
      {unplacedError && <ErrorAlert error={unplacedError} />}
      <div className="app-actions">
        <Button type="submit" data-size="sm" loading={form.formState.isSubmitting}>
          {t('subunits.save')}
        </Button>
        <Button type="button" variant="tertiary" data-size="sm" onClick={onClose}>
          {t('users.cancel')}
        </Button>
      </div>
    </form>
  )
}

/** A new sub-unit: name and parent (the kommune or one of its bydeler), checked with `createSubunitBody`. */
export function useAddSubunitForm(kommune: string) {
  const result = useMutationForm({
    schema: createSubunitBody,
    defaultValues: { name: '', parentCode: kommune },
    mutation: useAddSubunit(),
    onSuccess: (_, values) => result.form.reset({ name: '', parentCode: values.parentCode }),
  })
  return result
}

function AddSubunitForm({ overview }: { overview: SubunitOverview }) {
  const t = useT()
  const { form, onSubmit, unplacedError } = useAddSubunitForm(overview.kommune.code)
  return (
    <form className="app-form" onSubmit={onSubmit} noValidate aria-label={t('subunits.addHeading')}>
      <Heading level={3} data-size="xs">
        {t('subunits.addHeading')}
      </Heading>
      <Textfield label={t('subunits.name')} {...fieldProps(form, 'name')} />
      <SelectField label={t('subunits.parent')} {...fieldProps(form, 'parentCode')}>
        {overview.parents.map((p) => (
          <option key={p.code} value={p.code}>
            {p.name}
          </option>
        ))}
      </SelectField>
      {unplacedError && <ErrorAlert error={unplacedError} />}
      <div className="app-actions">
        <Button type="submit" loading={form.formState.isSubmitting}>
          {t('subunits.add')}
        </Button>
      </div>
    </form>
  )
}
