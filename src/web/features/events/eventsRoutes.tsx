import type { RouteObject } from 'react-router'
import { ChainListPage } from '../chains/ChainListPage'
import { ChainPage } from '../chains/ChainPage'
import { TransfersPage } from '../transfers/TransfersPage'
import { EventListPage } from './EventListPage'
import { EventPage } from './EventPage'
import { NewEventPage } from './NewEventPage'

/** Events and outbreaks, transmission chains and transfers (SPEC §3.4–3.6). */
export const eventsRoutes: RouteObject[] = [
  { path: 'hendelser', element: <EventListPage /> },
  { path: 'hendelser/ny', element: <NewEventPage /> },
  { path: 'hendelser/:id', element: <EventPage /> },
  { path: 'smittekjeder', element: <ChainListPage /> },
  { path: 'smittekjeder/sak/:caseId', element: <ChainPage /> },
  { path: 'smittekjeder/:id', element: <ChainPage /> },
  { path: 'overforinger', element: <TransfersPage /> },
]
