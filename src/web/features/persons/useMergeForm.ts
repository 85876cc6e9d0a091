import { useState } from 'react'
import { useForm } from 'react-hook-form'
import type { z } from 'zod'
import { MERGE_FIELDS, mergeBody, type PersonView } from '../../../shared/api/persons'
import { useMergePersons } from './usePersons'

export type MergeField = (typeof MERGE_FIELDS)[number]
export type Side = 'a' | 'b'
export interface MergeFormValues {
  survivor: Side
  fields: Record<MergeField, Side>
}

const value = (p: PersonView, f: MergeField) => (p[f] as string | null) ?? ''

/** Fields where the two persons differ; only those need a choice. */
export function differingFields(a: PersonView, b: PersonView): MergeField[] {
  return MERGE_FIELDS.filter((f) => value(a, f) !== value(b, f))
}

/** The survivor keeps its id: prefer the one with a national id, else the older registration. */
function defaultSurvivor(a: PersonView, b: PersonView): Side {
  if (!!a.nationalId !== !!b.nationalId) return a.nationalId ? 'a' : 'b'
  return a.createdAt <= b.createdAt ? 'a' : 'b'
}

/** A filled value beats an empty one; otherwise the survivor's. */
function defaultChoice(a: PersonView, b: PersonView, f: MergeField, survivor: Side): Side {
  if (!value(a, f)) return 'b'
  if (!value(b, f)) return 'a'
  return survivor
}

/**
 * "Slå sammen" (SPEC §3.1): pick the surviving record and, field by field, whose value to keep;
 * the body is checked with the shared `mergeBody` schema. Two steps: choose, then confirm.
 */
export function useMergeForm(a: PersonView, b: PersonView) {
  const merge = useMergePersons()
  const survivor = defaultSurvivor(a, b)
  const form = useForm<MergeFormValues>({
    defaultValues: {
      survivor,
      fields: Object.fromEntries(MERGE_FIELDS.map((f) => [f, defaultChoice(a, b, f, survivor)])) as Record<
        MergeField,
        Side
      >,
    },
  })
  const [confirming, setConfirming] = useState<z.input<typeof mergeBody> | null>(null)

  const toBody = (v: MergeFormValues) => {
    const [s, m] = v.survivor === 'a' ? [a, b] : [b, a]
    const choices: Partial<Record<MergeField, 'survivor' | 'merged'>> = {}
    for (const f of differingFields(a, b)) choices[f] = v.fields[f] === v.survivor ? 'survivor' : 'merged'
    return mergeBody.parse({
      survivorId: s.id,
      mergedId: m.id,
      survivorVersion: s.version,
      mergedVersion: m.version,
      choices,
    })
  }
  const onReview = form.handleSubmit((v) => setConfirming(toBody(v)))
  const confirm = () => {
    if (confirming) merge.mutate(confirming)
  }
  /** The value each field will have after the merge. */
  const resultOf = (v: MergeFormValues, f: MergeField) => value(v.fields[f] === 'a' ? a : b, f)
  return { form, onReview, confirming, setConfirming, confirm, merge, resultOf }
}
