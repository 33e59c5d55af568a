import { lazy, Suspense, type ReactNode } from 'react';

/**
 * The review panel's charts, loaded on first use (Recharts is ~100 kB gzipped): the panel's text, figures and
 * tables render at once, each chart appears when its code arrives, and its slot keeps the chart's height
 * meanwhile so nothing below it moves.
 */
const charts = () => import('./review-charts');
export const SparklinePlot = lazy(() => charts().then((module) => ({ default: module.SparklinePlot })));
export const TrendPlot = lazy(() => charts().then((module) => ({ default: module.TrendPlot })));
export const BarsPlot = lazy(() => charts().then((module) => ({ default: module.BarsPlot })));

export function ChartSlot({ height, children }: { height: number; children: ReactNode }) {
  return (
    <Suspense fallback={<div className="chart-slot" style={{ height }} data-chart-loading="true" />}>
      {children}
    </Suspense>
  );
}
