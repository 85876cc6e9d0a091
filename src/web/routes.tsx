import type { RouteObject } from 'react-router'
import { Layout } from './components/Layout'
import { AuditIntegrityPage } from './features/audit-log/AuditIntegrityPage'
import { AuditLogPage } from './features/audit-log/AuditLogPage'
import { InnsynPage } from './features/audit-log/InnsynPage'
import { caseworkRoutes } from './features/cases/caseworkRoutes'
import { eventsRoutes } from './features/events/eventsRoutes'
import { FregRegisterPage } from './features/freg/FregRegisterPage'
import { importsRoutes } from './features/imports/importsRoutes'
import { measuresRoutes } from './features/measures/measuresRoutes'
import { NotFoundPage } from './features/not-found/NotFoundPage'
import { RouteErrorPage } from './features/not-found/RouteErrorPage'
import { KommuneOnboardingPage } from './features/onboarding/KommuneOnboardingPage'
import { KommunerPage } from './features/onboarding/KommunerPage'
import { OwnOnboardingPage } from './features/onboarding/OwnOnboardingPage'
import { OrgUnitPage } from './features/org-units/OrgUnitPage'
import { reportingRoutes } from './features/reports/reportingRoutes'
import { RetentionPage } from './features/retention/RetentionPage'
import { LoggedOutPage } from './features/session/LoggedOutPage'
import { LoginFailedPage } from './features/session/LoginFailedPage'
import { SelectKommunePage } from './features/session/SelectKommunePage'
import { StartPage } from './features/start/StartPage'
import { AccessReviewPage } from './features/users/AccessReviewPage'
import { AddUserPage } from './features/users/AddUserPage'
import { UserPage } from './features/users/UserPage'
import { UsersPage } from './features/users/UsersPage'

/**
 * Client routes. Everything renders inside <Layout>; the pathless child route catches render
 * errors so the header and navigation stay usable. Features add their routes to `children`.
 */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    children: [
      {
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <StartPage /> },
          { path: 'organisasjon', element: <OrgUnitPage /> },
          { path: 'organisasjon/:code', element: <OrgUnitPage /> },
          // The server's login and logout flows redirect to these three.
          { path: 'innlogging-feilet', element: <LoginFailedPage /> },
          { path: 'velg-kommune', element: <SelectKommunePage /> },
          { path: 'logget-ut', element: <LoggedOutPage /> },
          // Access administration and onboarding (SPEC §2, §9).
          { path: 'brukere', element: <UsersPage /> },
          { path: 'brukere/ny', element: <AddUserPage /> },
          { path: 'brukere/:id', element: <UserPage /> },
          { path: 'tilgangsgjennomgang', element: <AccessReviewPage /> },
          { path: 'oppstart', element: <OwnOnboardingPage /> },
          { path: 'kommuner', element: <KommunerPage /> },
          { path: 'kommuner/:code', element: <KommuneOnboardingPage /> },
          // Audit log (SPEC §2): the Administrator's log and innsyn, the operator's integrity check.
          { path: 'sikkerhetslogg', element: <AuditLogPage /> },
          { path: 'sikkerhetslogg/innsyn', element: <InnsynPage /> },
          { path: 'sikkerhetslogg/integritet', element: <AuditIntegrityPage /> },
          // Retention, deletion preview and legal holds (SPEC §8).
          { path: 'oppbevaring', element: <RetentionPage /> },
          // Case work (SPEC §3.1–3.3, §3.7): cases, contacts, persons, worklists, error reports.
          ...caseworkRoutes,
          // Events and outbreaks, transmission chains, transfers (SPEC §3.4–3.6).
          ...eventsRoutes,
          // Register a person from Folkeregisteret (SPEC §7).
          { path: 'folkeregister', element: <FregRegisterPage /> },
          // Isolation, quarantine and daily follow-up (SPEC §4).
          ...measuresRoutes,
          // Import of earlier registrations and export of the line list (SPEC §6).
          ...importsRoutes,
          // Reporting (SPEC §5): weekly report to FHI, dashboard, national overview.
          ...reportingRoutes,
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]
