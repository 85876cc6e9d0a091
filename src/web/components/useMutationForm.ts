import { zodResolver } from '@hookform/resolvers/zod'
import type { UseMutationResult } from '@tanstack/react-query'
import { useState } from 'react'
import {
  type DefaultValues,
  type FieldErrors,
  type FieldValues,
  get,
  type Resolver,
  type UseFormReturn,
  useForm,
} from 'react-hook-form'
import { z } from 'zod'
import { isApiError } from '../api/client'
import { applyApiErrors } from './formErrors'

// biome-ignore lint/suspicious/noExplicitAny: any zod object schema; the form's types come from it
type Schema = z.ZodType<any, any>

export interface MutationFormOptions<S extends Schema, Body, Result> {
  /** The shared zod schema of the request (or the form's part of it), so the browser checks what the server checks. */
  schema: S
  defaultValues: DefaultValues<z.input<S>>
  /** The TanStack mutation the form submits. */
  mutation: UseMutationResult<Result, Error, Body>
  /** Form values → request body, when the body carries more than the form (ids, version). */
  toBody?: (values: z.output<S>) => Body
  /** API error path (without `body.`) → form field, or null; default: the path itself. */
  fieldOf?: (path: string) => string | null
  onSuccess?: (result: Result, values: z.output<S>) => void
}

export interface MutationForm<S extends Schema, Body, Result> {
  form: UseFormReturn<z.input<S>, unknown, z.output<S>>
  mutation: UseMutationResult<Result, Error, Body>
  onSubmit: (e?: React.BaseSyntheticEvent) => Promise<void>
  /** The last failure when no field could show it (network, conflict, a field the form lacks). */
  unplacedError: Error | null
}

/**
 * The kernel of every `useXForm` hook: react-hook-form checked with the shared zod schema (same
 * Norwegian messages as the server), submit through a mutation, the server's field errors put on
 * the form's fields, and whatever no field took left in `unplacedError` for an `<ErrorAlert>`.
 */
export function useMutationForm<S extends Schema, Body = z.output<S>, Result = unknown>({
  schema,
  defaultValues,
  mutation,
  toBody,
  fieldOf,
  onSuccess,
}: MutationFormOptions<S, Body, Result>): MutationForm<S, Body, Result> {
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: fieldsOnly(zodResolver(schema), fieldPaths(defaultValues as FieldValues)),
    defaultValues,
  })
  const [unplacedError, setUnplacedError] = useState<Error | null>(null)
  const onSubmit = form.handleSubmit(async (values) => {
    setUnplacedError(null)
    try {
      const result = await mutation.mutateAsync(toBody ? toBody(values) : (values as Body))
      onSuccess?.(result, values)
    } catch (err) {
      const left = applyApiErrors(err, form.setError, fieldPaths(defaultValues as FieldValues), fieldOf)
      if (!isApiError(err) || err.errors.length === 0 || left.length > 0) setUnplacedError(err as Error)
    }
  })
  return { form, mutation, onSubmit, unplacedError }
}

/**
 * Keeps the schema's issues that a field of the form can show. An issue elsewhere (a whole-body
 * rule, an id the form does not edit) would block the submit with nothing on screen; instead the
 * request goes out and the server's answer lands in `unplacedError`.
 */
function fieldsOnly<T extends FieldValues, O>(
  resolver: Resolver<T, unknown, O>,
  fields: string[],
): Resolver<T, unknown, O> {
  return async (values, context, options) => {
    const result = await resolver(values, context, options)
    const errors: FieldErrors<T> = {}
    let kept = false
    for (const field of fields) {
      const error = get(result.errors, field)
      if (!error) continue
      kept = true
      const parts = field.split('.')
      let node = errors as Record<string, unknown>
      for (const part of parts.slice(0, -1)) {
        node[part] ??= {}
        node = node[part] as Record<string, unknown>
      }
      node[parts.at(-1) as string] = error
    }
    if (kept) return { values: {}, errors }
    return Object.keys(result.errors).length === 0 ? result : { values: values as unknown as O, errors: {} }
  }
}

/** `{ a: '', b: { c: '' } }` → `['a', 'b.c']`: the names react-hook-form registers. Arrays are one field. */
export function fieldPaths(values: FieldValues, prefix = ''): string[] {
  return Object.entries(values).flatMap(([key, value]) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? fieldPaths(value as FieldValues, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  )
}

/**
 * A form schema that checks the values as the request body they become, so a form whose fields
 * differ from the body (blank strings for null, a choice that picks the endpoint) still gets the
 * shared schema's messages on the right fields. Issues keep the body's paths.
 */
export function checkedAs<V>(
  toBody: (values: V) => { schema: z.ZodType; body: unknown },
  fieldOf: (path: string) => string | null = (path) => path,
) {
  return z.custom<V>().superRefine((values, ctx) => {
    const { schema, body } = toBody(values)
    const parsed = schema.safeParse(body)
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const field = fieldOf(issue.path.join('.'))
        if (field) ctx.addIssue({ code: 'custom', message: issue.message, path: field.split('.') })
      }
  })
}
