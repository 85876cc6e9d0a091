import type { RouteObject } from 'react-router'
import '../../components/casework.css'
import { FollowUpSettingsPage } from '../followups/FollowUpSettingsPage'
import { FollowUpTodayPage } from '../followups/FollowUpTodayPage'
import { SymptomsReportedPage } from '../followups/SymptomsReportedPage'
import { RuleSetsPage } from '../rulesets/RuleSetsPage'
import { MeasureListsPage } from './MeasureListsPage'

/** Isolation, quarantine and daily follow-up (SPEC §4). */
export const measuresRoutes: RouteObject[] = [
  { path: 'tiltak', element: <MeasureListsPage /> },
  { path: 'oppfolging', element: <FollowUpTodayPage /> },
  { path: 'oppfolging/innstillinger', element: <FollowUpSettingsPage /> },
  { path: 'oppfolging/symptomer', element: <SymptomsReportedPage /> },
  { path: 'regelsett', element: <RuleSetsPage /> },
]
