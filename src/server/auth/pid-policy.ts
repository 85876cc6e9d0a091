import { validateNationalId } from '../../shared/domain/nationalId'

/**
 * Checks a national id typed into a login or user form against the environment rule: in test
 * environments (and always on the fake ID-porten) only synthetic numbers are accepted.
 */
export function checkNationalIdForEnvironment(pid: string, testEnvironment: boolean) {
  const r = validateNationalId(pid, { testEnvironment })
  return r.ok ? { ok: true as const, id: r.id } : { ok: false as const, message: r.message }
}
