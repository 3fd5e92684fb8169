// Apache ECharts, modular: the core (named imports, so its unused exports are left out), the two chart types and the
// components the views use, and the canvas renderer — nothing else is bundled (the full build was ~350 KB gzipped;
// .ci/run checks the budget with scripts/bundle-budget.mjs).
import { init, use, type ECharts, type EChartsCoreOption } from "echarts/core";
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";

use([BarChart, LineChart, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

export type Chart = ECharts;
export type ChartOption = EChartsCoreOption;

declare global {
  interface Window {
    /** The live chart instances by id, so tests (and curious users) can read exactly what is drawn. */
    __charts: Record<string, Chart>;
  }
}
window.__charts ??= {};

/** The chart drawn in `element` under `id` (created on first use, when its panel is visible and has a width). */
export function chartIn(id: string, element: HTMLElement): Chart {
  const chart = window.__charts[id] ?? init(element, undefined, { renderer: "canvas" });
  window.__charts[id] = chart;
  return chart;
}

export function resizeAll(): void {
  for (const chart of Object.values(window.__charts)) chart.resize();
}

addEventListener("resize", resizeAll);
