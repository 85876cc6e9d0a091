import { type FieldValues, get, type Path, type UseFormReturn, type UseFormSetError } from 'react-hook-form'
import { installNorwegianZodMessages } from '../../shared/api/zod-nb'
import { type ApiFieldError, isApiError } from '../api/client'

// Client-side validation with the shared schemas gives the same Norwegian messages as the server.
installNorwegianZodMessages()

/** `body.person.lastName` → `person.lastName`: problem+json paths name the request part first. */
export function stripBody(path: string): string {
  return path.replace(/^(body|query|params)\./, '')
}

/**
 * Puts the field errors of a failed request on the form's fields. `map` turns an API path (without
 * `body.`) into a form field name, or null when the form has no such field. Returns the errors no
 * field took, so the page can show them in a summary.
 */
export function applyApiErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly string[],
  map: (path: string) => string | null = (p) => p,
): ApiFieldError[] {
  if (!isApiError(error)) return []
  const left: ApiFieldError[] = []
  let focused = false
  for (const e of error.errors) {
    const name = map(stripBody(e.path))
    if (name && fields.includes(name)) {
      setError(name as Path<T>, { type: 'server', message: e.message }, { shouldFocus: !focused })
      focused = true
    } else left.push(e)
  }
  return left
}

/** '' → null for every string field, so empty inputs mean "no value" to the API. */
export function blankToNull<T extends Record<string, unknown>>(values: T): { [K in keyof T]: T[K] | null } {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(values)) out[k] = typeof v === 'string' && v.trim() === '' ? null : v
  return out as { [K in keyof T]: T[K] | null }
}

/** A field's `register` props plus its error message, for Textfield and SelectField. */
export function fieldProps<T extends FieldValues>(form: UseFormReturn<T>, name: Path<T>) {
  return {
    error: (get(form.formState.errors, name) as { message?: string } | undefined)?.message,
    ...form.register(name),
  }
}
