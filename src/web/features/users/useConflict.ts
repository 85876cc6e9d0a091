import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { type UserDetail, userDetail } from '../../../shared/api/users'
import { isApiError } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'

/**
 * Optimistic locking in the UI: on 409 the server sends what is stored now. This stores it in the
 * cache (so the page shows it), calls `onCurrent` (e.g. to reset a form) and keeps a flag for the
 * "someone else changed this" message.
 */
export function useConflict(onCurrent?: (current: UserDetail) => void) {
  const client = useQueryClient()
  const [conflicted, setConflicted] = useState(false)
  const handle = (err: unknown) => {
    if (!isApiError(err) || err.code !== 'conflict') return false
    const parsed = userDetail.safeParse(err.problem?.current)
    if (parsed.success) {
      client.setQueryData(queryKeys.users.detail(parsed.data.id), parsed.data)
      onCurrent?.(parsed.data)
    }
    setConflicted(true)
    return true
  }
  return { conflicted, clear: () => setConflicted(false), handle }
}
