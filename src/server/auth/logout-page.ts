import { contentSecurityPolicy, serializeCsp } from '../http/security'
import { escapeHtml } from './html'
import type { EndSessionForm } from './oidc'

/** The script that submits the logout form: served from our origin, as the CSP allows no inline script. */
export const LOGOUT_SCRIPT = "document.getElementById('logout').submit()\n"
export const LOGOUT_SCRIPT_PATH = '/auth/logout.js'

/**
 * A small page that POSTs the end-session request to ID-porten by itself (with a button when
 * scripts are off). Its CSP lets forms go to the end-session endpoint's origin and nowhere else.
 */
export function renderLogoutPage(form: EndSessionForm, production: boolean) {
  const inputs = Object.entries(form.fields)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('\n')
  const html = `<!doctype html>
<html lang="nb"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Logger ut – Smittespor</title></head>
<body><main>
<h1>Logger ut</h1>
<p>Du blir nå logget ut av ID-porten.</p>
<form id="logout" method="post" action="${escapeHtml(form.action)}">
${inputs}
<button type="submit">Fortsett utloggingen</button>
</form>
</main>
<script src="${LOGOUT_SCRIPT_PATH}"></script>
</body></html>`
  const csp = serializeCsp({
    ...contentSecurityPolicy(production),
    'form-action': ["'self'", new URL(form.action).origin],
  })
  return { html, csp }
}
