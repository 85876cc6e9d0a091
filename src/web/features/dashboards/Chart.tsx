import { Details, Heading } from '@digdir/designsystemet-react'
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { type ReactNode, useEffect, useId, useRef } from 'react'
import { useT } from '../../i18n'

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer])

export type ChartOption = echarts.EChartsCoreOption

/** Designsystemet colour tokens, read from the page so the charts follow the theme. */
export function themeColors(): string[] {
  const style = getComputedStyle(document.documentElement)
  return ['accent', 'success', 'warning', 'danger', 'info', 'neutral'].map(
    (c) => style.getPropertyValue(`--ds-color-${c}-base-default`).trim() || '#1e6fb6',
  )
}

/**
 * One chart (Apache ECharts, SVG) with its data as a table underneath: the chart is an image for
 * sighted users (role img with a label); the table in "Vis som tabell" carries the same numbers
 * for screen readers and keyboard users (WCAG 1.1.1).
 */
export function Chart({ title, option, table }: { title: string; option: ChartOption; table: ReactNode }) {
  const t = useT()
  const ref = useRef<HTMLDivElement>(null)
  const headingId = useId()
  useEffect(() => {
    const el = ref.current
    if (!el) return
    const chart = echarts.init(el, undefined, { renderer: 'svg' })
    chart.setOption({ color: themeColors(), animation: false, ...option })
    const observer = new ResizeObserver(() => chart.resize())
    observer.observe(el)
    return () => {
      observer.disconnect()
      chart.dispose()
    }
  }, [option])
  return (
    <section className="app-stack" aria-labelledby={headingId}>
      <Heading level={3} data-size="xs" id={headingId}>
        {title}
      </Heading>
      <div ref={ref} className="rp-chart" role="img" aria-label={t('dashboard.chartLabel', { title })} />
      <Details>
        <Details.Summary>{t('dashboard.showTable')}</Details.Summary>
        <Details.Content>{table}</Details.Content>
      </Details>
    </section>
  )
}
