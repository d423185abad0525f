import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { Spin } from 'antd';
import type * as EChartsCoreModule from 'echarts/core';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';

type EChartsCore = typeof EChartsCoreModule;

let loading: Promise<EChartsCore> | null = null;

/**
 * Loads ECharts once, on first use, in chunks of their own (never in the main bundle): the core plus
 * the charts and components dashboards need. Imports destructure what they use so the bundler drops
 * the rest. Add a chart type here when a page needs one.
 */
function loadECharts(): Promise<EChartsCore> {
  loading ??= Promise.all([
    import('echarts/core'),
    import('echarts/charts').then(({ BarChart, LineChart, PieChart, GaugeChart, ScatterChart }) => [BarChart, LineChart, PieChart, GaugeChart, ScatterChart]),
    import('echarts/components').then(({ GridComponent, TooltipComponent, LegendComponent, TitleComponent, DatasetComponent, DataZoomComponent, MarkLineComponent }) => [
      GridComponent,
      TooltipComponent,
      LegendComponent,
      TitleComponent,
      DatasetComponent,
      DataZoomComponent,
      MarkLineComponent,
    ]),
    import('echarts/renderers').then(({ CanvasRenderer }) => [CanvasRenderer]),
  ]).then(([core, charts, components, renderers]) => {
    core.use([...charts, ...components, ...renderers]);
    return core;
  });
  return loading;
}

/**
 * One ECharts chart: lazy-loads the library, follows `option` (replacing it: `notMerge`), resizes with
 * its box, and disposes on unmount. Charts render on a canvas, so CJK text needs a CJK system font.
 */
export function EChart({
  option,
  height = 320,
  style,
  className,
  testId,
  onReady,
}: {
  option: EChartsCoreOption;
  height?: number | string;
  style?: CSSProperties;
  className?: string;
  testId?: string;
  /** Called with the instance once it exists (events, exports). */
  onReady?: (chart: EChartsType) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    loadECharts()
      .then((echarts) => {
        if (disposed || !box.current) return;
        chart.current = echarts.init(box.current, undefined, { renderer: 'canvas' });
        observer = new ResizeObserver(() => chart.current?.resize());
        observer.observe(box.current);
        setReady(true);
      })
      .catch(() => setFailed(true));
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (ready && chart.current) chart.current.setOption(option, { notMerge: true });
  }, [ready, option]);

  useEffect(() => {
    if (ready && chart.current && onReady) onReady(chart.current);
  }, [ready, onReady]);

  return (
    <div style={{ position: 'relative', width: '100%', height, ...style }} className={className} data-testid={testId} data-ready={ready}>
      <div ref={box} style={{ width: '100%', height: '100%' }} />
      {!ready && !failed ? (
        <div style={{ position: 'absolute', inset: 0, display: 'grid', placeItems: 'center' }}>
          <Spin />
        </div>
      ) : null}
    </div>
  );
}
