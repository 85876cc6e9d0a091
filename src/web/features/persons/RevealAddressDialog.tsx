import { Button, Textfield } from '@digdir/designsystemet-react'
import { zodResolver } from '@hookform/resolvers/zod'
import { useRef } from 'react'
import { useForm } from 'react-hook-form'
import type { z } from 'zod'
import { type PersonView, revealAddressBody } from '../../../shared/api/persons'
import { ErrorAlert } from '../../components/ErrorAlert'
import { FormDialog } from '../../components/FormDialog'
import { applyApiErrors } from '../../components/formErrors'
import { useT } from '../../i18n'
import { useRevealAddress } from './usePersons'

type RevealValues = z.input<typeof revealAddressBody>

/** The reason form (shared `revealAddressBody` schema); resolves with the person incl. address. */
function useRevealAddressForm(personId: string, onRevealed: (p: PersonView) => void) {
  const reveal = useRevealAddress(personId)
  const form = useForm<RevealValues>({
    resolver: zodResolver(revealAddressBody),
    defaultValues: { reason: '' },
  })
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      onRevealed(await reveal.mutateAsync(values.reason))
      form.reset()
    } catch (err) {
      applyApiErrors(err, form.setError, ['reason'])
    }
  })
  return { form, onSubmit, reveal }
}

/**
 * "Vis adresse" for a protected address (SPEC §3.1): asks why, the server logs the reason, and
 * the address is shown on this page only.
 */
export function RevealAddressDialog({
  personId,
  onRevealed,
}: {
  personId: string
  onRevealed: (p: PersonView) => void
}) {
  const t = useT()
  const ref = useRef<HTMLDialogElement>(null)
  const { form, onSubmit, reveal } = useRevealAddressForm(personId, (p) => {
    ref.current?.close()
    onRevealed(p)
  })
  return (
    <>
      <Button type="button" variant="secondary" data-size="sm" onClick={() => ref.current?.showModal()}>
        {t('persons.revealAddress')}
      </Button>
      <FormDialog
        dialogRef={ref}
        title={t('persons.revealTitle')}
        text={t('persons.revealText')}
        onSubmit={onSubmit}
        submitLabel={t('persons.revealSubmit')}
        submitting={reveal.isPending}
      >
        <Textfield
          multiline
          rows={3}
          label={t('persons.revealReason')}
          error={form.formState.errors.reason?.message}
          {...form.register('reason')}
        />
        {reveal.isError && !form.formState.errors.reason && <ErrorAlert error={reveal.error} />}
      </FormDialog>
    </>
  )
}
