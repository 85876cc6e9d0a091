import '@digdir/designsystemet-css'
// Inter, self-hosted from npm (the CSP allows fonts from our own origin only): Latin and Latin
// Extended cover Norwegian and the Sámi letters, in the weights the theme uses.
import '@fontsource/inter/latin-400.css'
import '@fontsource/inter/latin-ext-400.css'
import '@fontsource/inter/latin-500.css'
import '@fontsource/inter/latin-ext-500.css'
import '@fontsource/inter/latin-600.css'
import '@fontsource/inter/latin-ext-600.css'
// The project theme, built by Designsystemet's CLI from designsystemet.config.json (npm run theme).
import './theme/smittespor.css'
import './styles.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
