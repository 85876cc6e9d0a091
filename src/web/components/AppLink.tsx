import { Link } from '@digdir/designsystemet-react'
import type { ReactNode } from 'react'
import {
  NavLink,
  type NavLinkProps,
  Link as RouterLink,
  type LinkProps as RouterLinkProps,
} from 'react-router'

type Styled<P> = Omit<P, 'className' | 'children' | 'style'> & { children: ReactNode; className?: string }

/** A Designsystemet-styled link that navigates client-side with react-router. */
export function AppLink({ className, children, ...rest }: Styled<RouterLinkProps>) {
  return (
    <Link asChild className={className}>
      <RouterLink {...rest}>{children}</RouterLink>
    </Link>
  )
}

/** Like AppLink, but sets aria-current="page" when its route is active (navigation menus). */
export function AppNavLink({ className, children, ...rest }: Styled<NavLinkProps>) {
  return (
    <Link asChild className={className}>
      <NavLink {...rest}>{children}</NavLink>
    </Link>
  )
}
