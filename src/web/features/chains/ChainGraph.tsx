import { Button, ToggleGroup } from '@digdir/designsystemet-react'
import cytoscape, { type Core, type ElementDefinition, type LayoutOptions } from 'cytoscape'
import { useEffect, useRef, useState } from 'react'
import { useNavigate } from 'react-router'
import type { ChainNode, ChainView, NodeStatus } from '../../../shared/api/chains'
import { daysBetween } from '../../../shared/domain/dates'
import { useT } from '../../i18n'
import { nodePath } from './nodePath'

/** Designsystemet colour tokens per node status (read from CSS at draw time: no ad-hoc colours). */
export const STATUS_TOKEN: Record<NodeStatus, string> = {
  'case-open': '--ds-color-danger-base-default',
  'case-closed': '--ds-color-danger-border-subtle',
  quarantine: '--ds-color-warning-base-default',
  active: '--ds-color-info-base-default',
  finished: '--ds-color-success-base-default',
  became_case: '--ds-color-danger-border-default',
  not_contact: '--ds-color-neutral-border-default',
  event: '--ds-color-accent-base-default',
  outbreak: '--ds-color-danger-text-default',
}
const SHAPE = { case: 'ellipse', contact: 'round-rectangle', event: 'diamond' } as const
const LANE = { event: 0, case: 1, contact: 2 } as const

type Mode = 'network' | 'timeline'

/**
 * Positions for the timeline mode: left to right by date, one lane per kind. Cytoscape's preset
 * layout places them; nodes sharing a day and kind stack within their lane.
 */
function timelinePositions(nodes: readonly ChainNode[]) {
  const dates = nodes
    .map((n) => n.date)
    .filter((d): d is string => !!d)
    .sort()
  const first = dates[0]
  const used = new Map<string, number>()
  const out: Record<string, { x: number; y: number }> = {}
  for (const n of nodes) {
    const day = first && n.date ? daysBetween(first, n.date) : -2
    const key = `${n.kind}:${day}`
    const slot = used.get(key) ?? 0
    used.set(key, slot + 1)
    out[n.id] = { x: day * 90, y: LANE[n.kind] * 260 + slot * 36 }
  }
  return out
}

function layoutFor(mode: Mode, view: ChainView): LayoutOptions {
  if (mode === 'timeline') {
    const positions = timelinePositions(view.nodes)
    return { name: 'preset', positions, fit: true, padding: 24 }
  }
  return {
    name: 'breadthfirst',
    roots: [`#${CSS.escape(view.caseId)}`],
    directed: false,
    spacingFactor: 1.1,
    fit: true,
    padding: 24,
  }
}

function elementsOf(view: ChainView): ElementDefinition[] {
  return [
    ...view.nodes.map((n) => ({ data: { id: n.id, label: n.label, kind: n.kind, status: n.status } })),
    ...view.edges.map((e) => ({ data: { id: e.id, source: e.source, target: e.target } })),
  ]
}

/**
 * The chain as a network (Cytoscape.js): colour by status, zoom and pan, click a node to open its
 * record, a timeline mode and PNG export. The same content is listed as a table next to it for
 * keyboard and screen-reader users.
 */
export function ChainGraph({ view }: { view: ChainView }) {
  const t = useT()
  const navigate = useNavigate()
  const box = useRef<HTMLDivElement>(null)
  const cy = useRef<Core | null>(null)
  const [mode, setMode] = useState<Mode>('network')

  useEffect(() => {
    if (!box.current) return
    const css = getComputedStyle(box.current)
    const color = (s: NodeStatus) => css.getPropertyValue(STATUS_TOKEN[s]).trim() || 'gray'
    const text = css.getPropertyValue('--ds-color-neutral-text-default').trim() || 'black'
    const line = css.getPropertyValue('--ds-color-neutral-border-default').trim() || 'gray'
    const instance = cytoscape({
      container: box.current,
      elements: elementsOf(view),
      minZoom: 0.1,
      maxZoom: 4,
      style: [
        {
          selector: 'node',
          style: {
            label: 'data(label)',
            'font-size': 11,
            color: text,
            'text-valign': 'bottom',
            'text-margin-y': 4,
            width: 26,
            height: 26,
            'background-color': (n: cytoscape.NodeSingular) => color(n.data('status') as NodeStatus),
            shape: (n: cytoscape.NodeSingular) => SHAPE[n.data('kind') as keyof typeof SHAPE],
          },
        },
        { selector: `#${CSS.escape(view.caseId)}`, style: { 'border-width': 4, 'border-color': text } },
        {
          selector: 'edge',
          style: {
            width: 1.5,
            'line-color': line,
            'target-arrow-color': line,
            'target-arrow-shape': 'triangle',
            'curve-style': 'bezier',
          },
        },
      ],
      layout: layoutFor(mode, view),
    })
    instance.on('tap', 'node', (e) => {
      const d = e.target.data() as { id: string; kind: ChainNode['kind'] }
      navigate(nodePath(d.kind, d.id))
    })
    cy.current = instance
    return () => {
      instance.destroy()
      cy.current = null
    }
  }, [view, mode, navigate])

  const zoom = (factor: number) => {
    const c = cy.current
    if (c) c.zoom({ level: c.zoom() * factor, renderedPosition: { x: c.width() / 2, y: c.height() / 2 } })
  }
  const exportPng = () => {
    const c = cy.current
    if (!c || !box.current) return
    const bg = getComputedStyle(box.current).getPropertyValue('--ds-color-neutral-background-default').trim()
    const blob = c.png({ output: 'blob', full: true, scale: 2, bg: bg || undefined })
    const url = URL.createObjectURL(blob)
    const a = document.createElement('a')
    a.href = url
    a.download = `smittekjede-${view.chainId.slice(0, 8)}.png`
    a.click()
    setTimeout(() => URL.revokeObjectURL(url), 1000)
  }

  return (
    <div className="app-stack">
      <div className="cw-actions">
        <ToggleGroup
          data-size="sm"
          value={mode}
          onChange={(v) => setMode(v as Mode)}
          aria-label={t('chain.layout')}
        >
          <ToggleGroup.Item value="network">{t('chain.layout.network')}</ToggleGroup.Item>
          <ToggleGroup.Item value="timeline">{t('chain.layout.timeline')}</ToggleGroup.Item>
        </ToggleGroup>
        <Button type="button" variant="secondary" data-size="sm" onClick={() => zoom(1.25)}>
          {t('chain.zoomIn')}
        </Button>
        <Button type="button" variant="secondary" data-size="sm" onClick={() => zoom(0.8)}>
          {t('chain.zoomOut')}
        </Button>
        <Button
          type="button"
          variant="secondary"
          data-size="sm"
          onClick={() => cy.current?.fit(undefined, 24)}
        >
          {t('chain.fit')}
        </Button>
        <Button type="button" variant="secondary" data-size="sm" onClick={exportPng}>
          {t('chain.exportPng')}
        </Button>
      </div>
      <div
        ref={box}
        className="chain-graph"
        role="img"
        aria-label={t('chain.graphLabel')}
        data-testid="chain-graph"
      />
    </div>
  )
}
