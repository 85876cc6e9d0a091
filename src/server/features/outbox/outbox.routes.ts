import { outboxList } from '../../../shared/api/measures'
import type { AppConfig } from '../../config'
import type { AppPlugin } from '../../http/types'
import { listOutbox } from './outbox.service'
import { configureOutboxTransport, logTransport } from './outbox.transport'

/** OUTBOX_TRANSPORT=log in development (the default in demo mode); nothing configured otherwise. */
export function transportSetting(config: AppConfig): 'log' | 'none' {
  const value = process.env.OUTBOX_TRANSPORT ?? (config.demo ? 'log' : 'none')
  if (value === 'log' && config.production) return 'none'
  return value === 'log' ? 'log' : 'none'
}

export const outboxRoutes: AppPlugin = async (app) => {
  const deps = app.deps
  configureOutboxTransport(transportSetting(deps.config) === 'log' ? logTransport(app.log) : null)
  app.get('/api/outbox', { schema: { tags: ['utboks'], response: { 200: outboxList } } }, (req) =>
    listOutbox(deps, req.ctx),
  )
}
