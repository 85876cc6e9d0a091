import type { RouteObject } from 'react-router'
import { DashboardPage } from '../dashboards/DashboardPage'
import { SavedReportPage } from '../dashboards/SavedReportPage'
import { ApiClientsPage } from '../fhi/ApiClientsPage'
import { NationalPage } from '../fhi/NationalPage'
import { WeeklyReportPage } from './WeeklyReportPage'

/** Reporting (SPEC §5): weekly report, dashboard, saved reports, national overview, API clients. */
export const reportingRoutes: RouteObject[] = [
  { path: 'ukesrapport', element: <WeeklyReportPage /> },
  { path: 'dashbord', element: <DashboardPage /> },
  { path: 'faste-rapporter/:id', element: <SavedReportPage /> },
  { path: 'nasjonal-oversikt', element: <NationalPage /> },
  { path: 'api-klienter', element: <ApiClientsPage /> },
]
