import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { CustomChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { CustomSeriesRenderItem } from 'echarts';
import { formatDay } from '../format';
import type { Mark, Segment } from '../timeline';

echarts.use([CustomChart, ScatterChart, GridComponent, TooltipComponent, AriaComponent, SVGRenderer]);

const LANES = ['OPLE', 'INE'];
const COLOURS = { INE: '#1d4ed8', OPLE: '#b45309' };
const day = (d: string) => Date.parse(`${d}T12:00:00Z`);

/** The document's rounds on a horizontal time axis: who held the ball (bars) and each oficio (marks). */
export function StoryChart({ segments, marks, label }: { segments: Segment[]; marks: Mark[]; label: string }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current, undefined, { renderer: 'svg', locale: 'EN' });
    const renderItem: CustomSeriesRenderItem = (_params, api) => {
      const lane = api.value(0) as number;
      const start = api.coord([api.value(1), lane]);
      const end = api.coord([api.value(2), lane]);
      const height = (api.size!([0, 1]) as number[])[1] * 0.45;
      return {
        type: 'rect',
        shape: { x: start[0], y: start[1] - height / 2, width: Math.max(end[0] - start[0], 3), height },
        style: { fill: COLOURS[LANES[lane] as 'INE' | 'OPLE'], opacity: api.value(3) ? 0.55 : 0.9 },
      };
    };
    const times = [...segments.flatMap((s) => [day(s.from), day(s.to)]), ...marks.map((m) => day(m.day))];
    const DAY = 86_400_000;
    // Ticks every whole number of days (about eight of them), on noon UTC: the same calendar day in Mexico City.
    const step = Math.max(1, Math.ceil((Math.max(...times) - Math.min(...times)) / DAY / 8)) * DAY;
    const min = Math.min(...times) - step;
    const max = Math.max(...times) + step;
    chart.setOption({
      animation: false,
      aria: { enabled: true, label: { description: label } },
      textStyle: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', color: '#1f2937' },
      grid: { left: 110, right: 30, top: 20, bottom: 40 },
      tooltip: {
        trigger: 'item',
        formatter: (p: { seriesIndex: number; dataIndex: number }) => {
          if (p.seriesIndex === 0) {
            const s = segments[p.dataIndex];
            return `${s.party} tiene la pelota (${s.what}): ${formatDay(s.from)} a ${s.open ? 'hoy' : formatDay(s.to)}, ${s.days} días`;
          }
          const m = marks[p.dataIndex];
          return `${m.oficio}: ${m.party} ${m.what}, ${formatDay(m.day)}`;
        },
      },
      xAxis: {
        type: 'value',
        min,
        max,
        interval: step,
        axisLabel: {
          hideOverlap: true,
          formatter: (value: number) => formatDay(new Date(value).toISOString().slice(0, 10)),
          color: '#1f2937',
        },
        splitLine: { show: true, lineStyle: { color: '#e5e7eb' } },
      },
      yAxis: {
        type: 'category',
        data: ['OPLE (entrega / atiende)', 'INE (revisa)'],
        axisLabel: { color: '#1f2937', fontWeight: 'bold' },
      },
      series: [
        {
          type: 'custom',
          renderItem,
          encode: { x: [1, 2], y: 0 },
          data: segments.map((s) => [LANES.indexOf(s.party), day(s.from), day(s.to), s.open ? 1 : 0]),
        },
        {
          type: 'scatter',
          symbol: 'diamond',
          symbolSize: 14,
          itemStyle: { color: '#111827', borderColor: '#ffffff', borderWidth: 1 },
          label: {
            show: true,
            position: 'top',
            fontSize: 10,
            color: '#111827',
            formatter: (p: { dataIndex: number }) => marks[p.dataIndex].oficio.replace(/\/20\d\d$/, ''),
          },
          labelLayout: { hideOverlap: true },
          data: marks.map((m) => [day(m.day), LANES.indexOf(m.party)]),
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [segments, marks, label]);
  return <div ref={element} className="story-chart" role="img" aria-label={label} data-testid="story-chart" />;
}
