import type { NodeKind } from '../../../shared/api/chains'

/** The record page of a chain node. */
export function nodePath(kind: NodeKind, id: string) {
  const segment = kind === 'case' ? 'saker' : kind === 'contact' ? 'kontakter' : 'hendelser'
  return `/${segment}/${encodeURIComponent(id)}`
}
