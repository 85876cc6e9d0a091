import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Heading,
  Paragraph,
  Textfield,
} from '@digdir/designsystemet-react'
import { useEffect, useId, useRef, useState } from 'react'
import { useFormContext, useWatch } from 'react-hook-form'
import type { z } from 'zod'
import type { FregLookupResult } from '../../../shared/api/freg'
import type { nationalIdLookup } from '../../../shared/api/persons'
import { validateNationalId } from '../../../shared/domain/nationalId'
import { useTestEnvironment } from '../../api/session'
import { formatIsoDate } from '../../components/dates'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PastDateField } from '../../components/PastDateField'
import { useDebounced } from '../../components/useDebounced'
import { useT } from '../../i18n'
import { FregLookupButton } from '../freg/FregLookupButton'
import { fregFill } from '../freg/fill'
import { PersonSuggestions, personLine, type Suggestion } from '../persons/PersonSuggestions'
import { useDuplicateSuggestions, useNationalIdLookup } from '../persons/usePersons'
import type { NewCaseFormValues } from './useNewCaseForm'

type Lookup = z.infer<typeof nationalIdLookup> & { nationalId: string }

/**
 * "Hvem er smittet": national id first (looked up on blur: own register, another municipality, or
 * unknown); without one, name/birth date/phone with live duplicate suggestions. Picking a person
 * sets `person.existingId`; "Ny person" sets `person.confirmNew`.
 */
export function NewCasePersonSection({
  candidates,
  clearCandidates,
  onFregUse,
}: {
  candidates: Suggestion[]
  clearCandidates: () => void
  /** The FREG answer the form was filled from (its receipt goes with the registration). */
  onFregUse?: (result: FregLookupResult) => void
}) {
  const t = useT()
  const headingId = useId()
  const { register, setValue, control, formState, setError, clearErrors } =
    useFormContext<NewCaseFormValues>()
  const person = useWatch({ control, name: 'person' })
  const testEnvironment = useTestEnvironment()
  const lookup = useNationalIdLookup()
  const [result, setResult] = useState<Lookup | null>(null)
  const [picked, setPicked] = useState<Suggestion | null>(null)
  const errors = formState.errors.person
  const candidatesRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (candidates.length) candidatesRef.current?.focus()
  }, [candidates])

  const typedId = person.nationalId.replace(/\s/g, '')
  // A changed national id invalidates the earlier answer and the person it found.
  useEffect(() => {
    if (result && result.nationalId !== typedId) {
      setResult(null)
      if (!picked) setValue('person.existingId', '')
    }
  }, [typedId, result, picked, setValue])

  const onIdBlur = async () => {
    if (!typedId || result?.nationalId === typedId) return
    const checked = validateNationalId(typedId, { testEnvironment })
    if (!checked.ok) {
      setError('person.nationalId', { type: 'client', message: checked.message })
      return
    }
    clearErrors('person.nationalId')
    try {
      const answer = await lookup.mutateAsync(typedId)
      setResult({ ...answer, nationalId: typedId })
      if (answer.status === 'own' && answer.personId) {
        setPicked(null)
        setValue('person.existingId', answer.personId)
      } else if (checked.birthDate && !person.birthDate) {
        setValue('person.birthDate', checked.birthDate)
      }
    } catch {
      // Shown below; registration can go on without the lookup.
    }
  }

  const pick = (p: Suggestion) => {
    setPicked(p)
    setValue('person.existingId', p.id)
    setValue('person.confirmNew', false)
    clearCandidates()
    clearErrors('person')
  }
  const unpick = () => {
    setPicked(null)
    setValue('person.existingId', '')
  }

  const debounced = useDebounced(
    {
      firstName: person.firstName,
      lastName: person.lastName,
      birthDate: person.birthDate,
      phone: person.phone,
    },
    350,
  )
  const showSuggestions = !typedId && !person.existingId
  const suggestions = useDuplicateSuggestions(debounced, showSuggestions)
  const suggestionItems = showSuggestions ? (suggestions.data?.items ?? []) : []

  const own = result?.status === 'own'
  return (
    <section aria-labelledby={headingId} className="app-stack cw-section">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('newCase.personHeading')}
      </Heading>
      <div className="cw-form-grid">
        <Textfield
          label={t('person.nationalId')}
          description={t('newCase.nationalIdHelp')}
          inputMode="numeric"
          autoComplete="off"
          error={errors?.nationalId?.message}
          {...register('person.nationalId', { onBlur: onIdBlur })}
        />
      </div>
      <FregLookupButton
        nationalId={person.nationalId}
        onUse={(r) => {
          const fill = fregFill(r.person)
          for (const key of Object.keys(fill) as (keyof typeof fill)[])
            setValue(`person.${key}`, fill[key], { shouldDirty: true })
          onFregUse?.(r)
        }}
      />
      <div aria-live="polite" className="app-stack">
        {lookup.isPending && <Paragraph data-size="sm">{t('newCase.lookingUp')}</Paragraph>}
        {own && (
          <Alert data-color="info">
            <Paragraph>
              {result.firstName !== null
                ? t('newCase.foundOwn', {
                    name: `${result.firstName} ${result.lastName ?? ''}`,
                    born: formatIsoDate(result.birthDate) || t('common.unknown'),
                  })
                : t('newCase.foundOwnLoading')}
            </Paragraph>
          </Alert>
        )}
        {result?.status === 'elsewhere' && (
          <Alert data-color="warning">
            <Paragraph>
              {t('newCase.foundElsewhere', { kommune: result.kommuneName ?? result.kommune ?? '' })}
            </Paragraph>
          </Alert>
        )}
        {result?.status === 'not-found' && <Paragraph data-size="sm">{t('newCase.notFound')}</Paragraph>}
        {picked && (
          <Alert data-color="info" className="cw-picked">
            <Paragraph>{t('newCase.usingExisting', { person: personLine(picked, t) })}</Paragraph>
            <Button type="button" variant="secondary" data-size="sm" onClick={unpick}>
              {t('newCase.choseOther')}
            </Button>
          </Alert>
        )}
      </div>
      {lookup.isError && <ErrorAlert error={lookup.error} />}
      {!own && !picked && (
        <Fieldset className="cw-fieldset">
          <Fieldset.Legend>{t('newCase.newPersonLegend')}</Fieldset.Legend>
          <div className="cw-form-grid">
            <Textfield
              label={t('person.firstName')}
              autoComplete="off"
              error={errors?.firstName?.message}
              {...register('person.firstName')}
            />
            <Textfield
              label={t('person.lastName')}
              autoComplete="off"
              error={errors?.lastName?.message}
              {...register('person.lastName')}
            />
            <PastDateField
              label={t('person.birthDate')}
              error={errors?.birthDate?.message}
              {...register('person.birthDate')}
            />
            <Textfield
              type="tel"
              label={t('person.phone')}
              autoComplete="off"
              error={errors?.phone?.message}
              {...register('person.phone')}
            />
            <Textfield
              label={t('person.street')}
              autoComplete="off"
              error={errors?.street?.message}
              {...register('person.street')}
            />
            <Textfield
              label={t('person.postcode')}
              inputMode="numeric"
              autoComplete="off"
              error={errors?.postcode?.message}
              {...register('person.postcode')}
            />
            <Textfield
              label={t('person.place')}
              autoComplete="off"
              error={errors?.place?.message}
              {...register('person.place')}
            />
          </div>
        </Fieldset>
      )}
      {(candidates.length > 0 || suggestionItems.length > 0) && !own && !picked && (
        <div className="app-stack cw-candidates" ref={candidatesRef} tabIndex={-1}>
          <Heading level={3} data-size="xs">
            {candidates.length ? t('newCase.possibleDuplicates') : t('newCase.suggestionsHeading')}
          </Heading>
          <PersonSuggestions
            items={candidates.length ? candidates : suggestionItems}
            onPick={pick}
            label={t('newCase.suggestionsHeading')}
          />
          <Checkbox label={t('newCase.confirmNew')} {...register('person.confirmNew')} />
        </div>
      )}
    </section>
  )
}
