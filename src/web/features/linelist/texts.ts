import type { MessageKey } from '../../i18n'

/** The texts every line-listing grid shows, each grid under its own key prefix. */
type TextName =
  | 'heading'
  | 'help'
  | 'cellLabel'
  | 'removeRow'
  | 'removeRowNamed'
  | 'usingExisting'
  | 'undoPick'
  | 'suggestionsFor'
  | 'confirmNew'
  | 'errorsHeading'
  | 'problemAt'
  | 'addRow'
  | 'save'

/** `grid.` for the contact grid, `pgrid.` for the participant grid. */
export type GridPrefix = 'grid' | 'pgrid'

/** The message key of one text of a grid (compiles only while both grids have every text). */
export const gridText = (prefix: GridPrefix, name: TextName): MessageKey => `${prefix}.${name}`
