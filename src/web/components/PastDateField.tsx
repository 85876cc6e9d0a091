import { Textfield, type TextfieldProps } from '@digdir/designsystemet-react'
import { todayOslo } from './dates'

type InputTextfieldProps = Extract<TextfieldProps, { multiline?: false }>

/** A date field that offers no day after today (Oslo): test, result, onset, exposure dates. */
export function PastDateField(props: Omit<InputTextfieldProps, 'type' | 'max' | 'multiline'>) {
  // Omit flattens Textfield's label-or-aria-label union; the props are still a date input's.
  return <Textfield type="date" max={todayOslo()} {...(props as InputTextfieldProps)} />
}
