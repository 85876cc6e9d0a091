import type { RouteObject } from 'react-router'
import { ExportPage } from '../exports/ExportPage'
import { ImportRunPage } from './ImportRunPage'
import { ImportsPage } from './ImportsPage'

/** Import of earlier registrations and export of the line list (SPEC §6). */
export const importsRoutes: RouteObject[] = [
  { path: 'import', element: <ImportsPage /> },
  { path: 'import/:id', element: <ImportRunPage /> },
  { path: 'eksport', element: <ExportPage /> },
]
