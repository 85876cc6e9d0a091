import { escapeHtml } from './html'
import type { DemoIdentity } from './identities'

export { escapeHtml }

/** The fake ID-porten login page: pick a demo identity or type any synthetic national id. */
export function renderPicker(input: {
  uid: string
  identities: DemoIdentity[]
  error?: string
  typed?: string
}) {
  const action = `/idporten-fake-login/${encodeURIComponent(input.uid)}`
  const rows = input.identities
    .map(
      (
        i,
      ) => `<li><form method="post" action="${action}"><input type="hidden" name="pid" value="${escapeHtml(i.pid)}">
        <button type="submit" class="who"><strong>${escapeHtml(i.name)}</strong> <span>${escapeHtml(i.pid)}</span>
        <small>${escapeHtml(i.roles.join(' · ') || 'Ingen roller')}</small></button></form></li>`,
    )
    .join('\n')
  return `<!doctype html>
<html lang="nb"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Test-ID-porten – velg testbruker</title>
<style>
body{font-family:system-ui,sans-serif;margin:0;background:#f4f5f6;color:#1a1a1a}
main{max-width:44rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:8px}
h1{font-size:1.5rem} .warn{background:#fff3cd;border-left:4px solid #8a6d00;padding:.75rem}
ul{list-style:none;padding:0} li{margin:.5rem 0}
.who{width:100%;text-align:left;padding:.75rem;border:1px solid #6b6b6b;border-radius:6px;background:#fff;cursor:pointer;font-size:1rem;color:#1a1a1a}
.who:hover,.who:focus{border-color:#0062ba;outline:3px solid #0062ba;outline-offset:1px}
.who span{color:#333;margin-left:.5rem} .who small{display:block;color:#333;margin-top:.25rem}
label{display:block;font-weight:600;margin-top:1rem} input[type=text]{font-size:1rem;padding:.5rem;width:14rem;border:1px solid #6b6b6b;border-radius:4px}
.primary{font-size:1rem;padding:.5rem 1rem;background:#0062ba;color:#fff;border:0;border-radius:4px;margin-left:.5rem;cursor:pointer}
.error{color:#b3000c;font-weight:600}
</style></head>
<body><main>
<h1>Test-ID-porten</h1>
<p class="warn">Dette er en lokal erstatning for ID-porten for demo og test. Bare syntetiske fødselsnumre (Tenor: måned + 80) kan brukes.</p>
<h2>Velg en testbruker</h2>
<ul>${rows || '<li>Ingen testbrukere er registrert.</li>'}</ul>
<h2>Eller skriv et syntetisk fødselsnummer</h2>
<form method="post" action="${action}">
<label for="pid">Fødselsnummer (11 siffer)</label>
${input.error ? `<p id="pid-error" class="error" role="alert">${escapeHtml(input.error)}</p>` : ''}
<input id="pid" name="pid" type="text" inputmode="numeric" autocomplete="off" value="${escapeHtml(input.typed ?? '')}"${input.error ? ' aria-invalid="true" aria-describedby="pid-error"' : ''}>
<button type="submit" class="primary">Logg inn</button>
</form>
</main></body></html>`
}
