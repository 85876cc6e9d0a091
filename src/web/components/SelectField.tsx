import { Field, Label, Select, ValidationMessage } from '@digdir/designsystemet-react'
import type { ComponentProps, ReactNode } from 'react'

type SelectFieldProps = ComponentProps<typeof Select> & {
  label: ReactNode
  description?: ReactNode
  error?: ReactNode
}

/**
 * A labelled native select in a Designsystemet Field (label, description and error are tied to the
 * select by the field), taking `register(...)` props like Textfield does.
 */
export function SelectField({ label, description, error, className, children, ...rest }: SelectFieldProps) {
  return (
    <Field className={className}>
      <Label>{label}</Label>
      {description && <Field.Description>{description}</Field.Description>}
      <Select aria-invalid={error ? true : undefined} {...rest}>
        {children}
      </Select>
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Field>
  )
}
