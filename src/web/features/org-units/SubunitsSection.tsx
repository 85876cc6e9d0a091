import { Button, Heading, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react'
import { zodResolver } from '@hookform/resolvers/zod'
import { useId, useState } from 'react'
import { useForm } from 'react-hook-form'
import type { z } from 'zod'
import { createSubunitBody, type SubunitOverview, type SubunitSummary } from '../../../shared/api/org-units'
import { isApiError } from '../../api/client'
import { DataTable } from '../../components/DataTable'
import { ErrorAlert } from '../../components/ErrorAlert'
import { applyApiErrors } from '../../components/formErrors'
import { SelectField } from '../../components/SelectField'
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
  const [name, setName] = useState(unit.name)
  const rename = useRenameSubunit()
  const retire = useRetireSubunit()
  const error = rename.error ?? retire.error
  const close = () => setMode('idle')
  return (
    <Table.Row>
      <Table.Cell>{unit.code}</Table.Cell>
      <Table.Cell>
        {mode === 'rename' ? (
          <form
            className="app-inline-form"
            onKeyDown={(e) => e.key === 'Escape' && close()}
            onSubmit={(e) => {
              e.preventDefault()
              rename.mutate({ code: unit.code, version: unit.version, name }, { onSuccess: close })
            }}
          >
            <Textfield
              label={t('subunits.newName', { name: unit.name })}
              value={name}
              onChange={(e) => setName(e.target.value)}
              error={isApiError(rename.error) ? rename.error.fieldError('name') : undefined}
            />
            <div className="app-actions">
              <Button type="submit" data-size="sm" loading={rename.isPending}>
                {t('subunits.save')}
              </Button>
              <Button type="button" variant="tertiary" data-size="sm" onClick={close}>
                {t('users.cancel')}
              </Button>
            </div>
          </form>
        ) : (
          unit.name
        )}
      </Table.Cell>
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
        {error && mode !== 'idle' && <ErrorAlert error={error} />}
      </Table.Cell>
    </Table.Row>
  )
}

type Input = z.input<typeof createSubunitBody>
type Output = z.output<typeof createSubunitBody>

function AddSubunitForm({ overview }: { overview: SubunitOverview }) {
  const t = useT()
  const add = useAddSubunit()
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(createSubunitBody),
    defaultValues: { name: '', parentCode: overview.kommune.code },
  })
  const { errors } = form.formState
  const onSubmit = form.handleSubmit((values) =>
    add.mutate(values, {
      onSuccess: () => form.reset({ name: '', parentCode: values.parentCode }),
      onError: (err) => applyApiErrors(err, form.setError, ['name', 'parentCode']),
    }),
  )
  return (
    <form className="app-form" onSubmit={onSubmit} noValidate aria-label={t('subunits.addHeading')}>
      <Heading level={3} data-size="xs">
        {t('subunits.addHeading')}
      </Heading>
      <Textfield label={t('subunits.name')} error={errors.name?.message} {...form.register('name')} />
      <SelectField
        label={t('subunits.parent')}
        error={errors.parentCode?.message}
        {...form.register('parentCode')}
      >
        {overview.parents.map((p) => (
          <option key={p.code} value={p.code}>
            {p.name}
          </option>
        ))}
      </SelectField>
      {add.error && !(isApiError(add.error) && add.error.errors.length > 0) && (
        <ErrorAlert error={add.error} />
      )}
      <div className="app-actions">
        <Button type="submit" loading={add.isPending}>
          {t('subunits.add')}
        </Button>
      </div>
    </form>
  )
}
