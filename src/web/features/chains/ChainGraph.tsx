import { Button, ToggleGroup } from '@digdir/designsystemet-react'
import cytoscape, { type Core, type ElementDefinition, type LayoutOptions } from 'cytoscape'
import { useEffect, useRef, useState } from 'react'
import { useNavigate } from 'react-router'
import type { ChainNode, ChainView, NodeStatus } from '../../../shared/api/chains'
import { addDaysOslo, daysBetween } from '../../../shared/domain/dates'
import { formatIsoDate } from '../../components/dates'
import { useT } from '../../i18n'
import { nodePath } from './nodePath'

/**
 * How each node status is drawn: a Designsystemet colour token (read from CSS at draw time: no
 * ad-hoc colours), filled or hollow, and a border style. Together with the shape per kind (case:
 * circle, contact: square, event: diamond) no two statuses differ by hue alone, so the map reads
 * for colour-blind users too; blue is used once (an active contact).
 */
export const STATUS_STYLE: Record<
  NodeStatus,
  { token: string; fill: 'solid' | 'hollow'; border: 'solid' | 'dashed' | 'double' }
> = {
  'case-open': { token: '--ds-color-danger-base-default', fill: 'solid', border: 'solid' },
  'case-closed': { token: '--ds-color-danger-base-default', fill: 'hollow', border: 'solid' },
  quarantine: { token: '--ds-color-warning-base-default', fill: 'solid', border: 'solid' },
  active: { token: '--ds-color-info-base-default', fill: 'solid', border: 'solid' },
  finished: { token: '--ds-color-neutral-border-default', fill: 'hollow', border: 'solid' },
  became_case: { token: '--ds-color-danger-base-default', fill: 'hollow', border: 'dashed' },
  not_contact: { token: '--ds-color-neutral-border-default', fill: 'hollow', border: 'dashed' },
  event: { token: '--ds-color-neutral-base-default', fill: 'solid', border: 'solid' },
  outbreak: { token: '--ds-color-danger-base-default', fill: 'solid', border: 'double' },
}
/** Kept for callers that only need the colour. */
export const STATUS_TOKEN = Object.fromEntries(
  Object.entries(STATUS_STYLE).map(([k, v]) => [k, v.token]),
) as Record<NodeStatus, string>
export const SHAPE = { case: 'ellipse', contact: 'round-rectangle', event: 'diamond' } as const
const LANE = { event: 0, case: 1, contact: 2 } as const
/** Timeline geometry: one column per day, wide enough for a label; stacked nodes clear their labels. */
const DAY_WIDTH = 96
const SLOT_HEIGHT = 52
const LANE_GAP = 60

type Mode = 'network' | 'timeline'

/**
 * Positions for the timeline mode: left to right by date, one lane per kind (events, cases,
 * contacts); nodes sharing a day and kind stack within their lane, each lane as tall as its
 * tallest stack. Below them, a date axis: a tick per day for short chains, per week otherwise.
 */
export function timelineLayout(nodes: readonly ChainNode[]) {
  const dates = nodes
    .map((n) => n.date)
    .filter((d): d is string => !!d)
    .sort()
  const first = dates[0]
  const last = dates.at(-1)
  const used = new Map<string, number>()
  const slots: Record<string, { day: number; slot: number }> = {}
  const tallest = { event: 0, case: 0, contact: 0 }
  for (const n of nodes) {
    const day = first && n.date ? daysBetween(first, n.date) : -2
    const key = `${n.kind}:${day}`
    const slot = used.get(key) ?? 0
    used.set(key, slot + 1)
    tallest[n.kind] = Math.max(tallest[n.kind], slot + 1)
    slots[n.id] = { day, slot }
  }
  const laneTop = { event: 0, case: 0, contact: 0 }
  let y = 0
  for (const kind of ['event', 'case', 'contact'] as const) {
    laneTop[kind] = y
    if (tallest[kind] > 0) y += tallest[kind] * SLOT_HEIGHT + LANE_GAP
  }
  const positions: Record<string, { x: number; y: number }> = {}
  const byId = new Map(nodes.map((n) => [n.id, n]))
  for (const [id, p] of Object.entries(slots))
    positions[id] = { x: p.day * DAY_WIDTH, y: laneTop[byId.get(id)!.kind] + p.slot * SLOT_HEIGHT }
  const ticks: { id: string; label: string; x: number; y: number }[] = []
  if (first && last) {
    const span = daysBetween(first, last)
    const step = span > 21 ? 7 : 1
    for (let d = 0; d <= span; d += step) {
      const date = addDaysOslo(first, d)
      ticks.push({ id: `tick-${date}`, label: formatIsoDate(date), x: d * DAY_WIDTH, y })
    }
  }
  return { positions, ticks, axisY: y }
}

function layoutFor(mode: Mode, view: ChainView): LayoutOptions {
  if (mode === 'timeline') {
    const { positions, ticks } = timelineLayout(view.nodes)
    for (const tick of ticks) positions[tick.id] = { x: tick.x, y: tick.y }
    return { name: 'preset', positions, fit: true, padding: 24 }
  }
  // A force-directed layout (cose): a case with five contacts is a star, generations appear only
  // where infection went on.
  return {
    name: 'cose',
    animate: false,
    randomize: true,
    nodeDimensionsIncludeLabels: true,
    idealEdgeLength: () => 90,
    nodeRepulsion: () => 9000,
    componentSpacing: 60,
    fit: true,
    padding: 24,
  } as LayoutOptions
}

function elementsOf(view: ChainView, mode: Mode): ElementDefinition[] {
  const ticks = mode === 'timeline' ? timelineLayout(view.nodes).ticks : []
  return [
    ...view.nodes.map((n) => ({ data: { id: n.id, label: n.label, kind: n.kind, status: n.status } })),
    ...view.edges.map((e) => ({ data: { id: e.id, source: e.source, target: e.target } })),
    ...ticks.map((tick) => ({
      data: { id: tick.id, label: tick.label },
      classes: 'tick',
      selectable: false,
      grabbable: false,
    })),
    ...ticks.slice(1).map((tick, i) => ({
      data: { id: `axis-${i}`, source: ticks[i]!.id, target: tick.id },
      classes: 'axis',
    })),
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
    const background = css.getPropertyValue('--ds-color-neutral-background-default').trim() || 'white'
    const instance = cytoscape({
      container: box.current,
      elements: elementsOf(view, mode),
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
            'text-wrap': 'ellipsis',
            'text-max-width': `${DAY_WIDTH - 10}px`,
            'text-background-color': background,
            'text-background-opacity': 0.85,
            'text-background-padding': '1px',
            'background-color': (n: cytoscape.NodeSingular) => {
              const st = STATUS_STYLE[n.data('status') as NodeStatus]
              return st.fill === 'solid' ? color(n.data('status') as NodeStatus) : background
            },
            'border-width': (n: cytoscape.NodeSingular) =>
              STATUS_STYLE[n.data('status') as NodeStatus].border === 'double' ? 5 : 3,
            'border-style': (n: cytoscape.NodeSingular) =>
              STATUS_STYLE[n.data('status') as NodeStatus].border,
            'border-color': (n: cytoscape.NodeSingular) => {
              const st = STATUS_STYLE[n.data('status') as NodeStatus]
              return st.fill === 'solid' && st.border === 'solid'
                ? text
                : color(n.data('status') as NodeStatus)
            },
            'border-opacity': (n: cytoscape.NodeSingular) => {
              const st = STATUS_STYLE[n.data('status') as NodeStatus]
              return st.fill === 'solid' && st.border === 'solid' ? 0.25 : 1
            },
            shape: (n: cytoscape.NodeSingular) => SHAPE[n.data('kind') as keyof typeof SHAPE],
          },
        },
        {
          selector: 'node.tick',
          style: {
            shape: 'rectangle',
            width: 1,
            height: 10,
            'background-color': line,
            'border-width': 0,
            'font-size': 10,
            'text-valign': 'bottom',
            events: 'no',
          },
        },
        {
          selector: 'edge.axis',
          style: { width: 1, 'line-color': line, 'target-arrow-shape': 'none', events: 'no' },
        },
        {
          selector: `#${CSS.escape(view.caseId)}`,
          style: {
            width: 34,
            height: 34,
            'font-weight': 'bold',
            'underlay-color': text,
            'underlay-opacity': 0.15,
            'underlay-padding': 5,
          },
        },
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
    // The e2e tests read the drawn graph (degrees, positions) from the container.
    Object.defineProperty(box.current, 'cy', { value: instance, configurable: true })
    instance.on('tap', 'node[kind]', (e) => {
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
        data-layout={mode === 'network' ? 'cose' : 'timeline'}
      />
    </div>
  )
}
