import type { RouteObject } from 'react-router'
import '../../components/casework.css'
import { ContactPage } from '../contacts/ContactPage'
import { FlagsPage } from '../flags/FlagsPage'
import { DuplicatesPage } from '../persons/DuplicatesPage'
import { MergePage } from '../persons/MergePage'
import { PersonPage } from '../persons/PersonPage'
import { PersonSearchPage } from '../persons/PersonSearchPage'
import { WorklistsPage } from '../worklists/WorklistsPage'
import { CaseListPage } from './CaseListPage'
import { CasePage } from './CasePage'
import { NewCasePage } from './NewCasePage'

/** Case work (SPEC §3.1–3.3, §3.7): cases, contacts, persons, worklists and error reports. */
export const caseworkRoutes: RouteObject[] = [
  { path: 'arbeidslister', element: <WorklistsPage /> },
  { path: 'saker', element: <CaseListPage /> },
  { path: 'saker/ny', element: <NewCasePage /> },
  { path: 'saker/:id', element: <CasePage /> },
  { path: 'kontakter/:id', element: <ContactPage /> },
  { path: 'personer', element: <PersonSearchPage /> },
  { path: 'personer/duplikater', element: <DuplicatesPage /> },
  { path: 'personer/duplikater/sammenslaing', element: <MergePage /> },
  { path: 'personer/:id', element: <PersonPage /> },
  { path: 'feilmeldinger', element: <FlagsPage /> },
]
