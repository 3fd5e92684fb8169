import * as echarts from "echarts";
import { cellText, toCsv, type Column } from "./table";

declare global {
  interface Window {
    /** The live chart instances by id, so tests (and curious users) can read exactly what is drawn. */
    __charts: Record<string, echarts.ECharts>;
  }
}
window.__charts ??= {};

export interface Card<T> {
  element: HTMLElement;
  show(option: echarts.EChartsCoreOption, columns: Column<T>[], rows: T[], sample: boolean): void;
}

let cardCount = 0;

/** A chart with a caption, a table of the same numbers (behind a disclosure) and a CSV download of them. */
export function card<T>(id: string, title: string, note: string, file: string): Card<T> {
  const n = ++cardCount;
  const element = document.createElement("article");
  element.className = "card";
  element.innerHTML = `
    <h2 id="h-${n}"></h2>
    <p class="note"></p>
    <div class="sample-flag" hidden><span class="badge sample">sample</span> Includes made-up sample rows (marked in the table).</div>
    <div class="chart" id="chart-${id}" role="img" aria-labelledby="h-${n}"></div>
    <details><summary>Table view</summary><div class="table-wrap"></div></details>
    <div class="actions"><a class="button csv" href="#" download="${file}">Download CSV</a></div>`;
  element.querySelector("h2")!.textContent = title;
  element.querySelector(".note")!.textContent = note;
  const chartDiv = element.querySelector<HTMLDivElement>(".chart")!;
  const link = element.querySelector<HTMLAnchorElement>("a.csv")!;
  let url: string | null = null;

  return {
    element,
    show(option, columns, rows, sample) {
      // Init on first show: the panel is visible by then, so ECharts measures a real width.
      const chart = window.__charts[id] ?? echarts.init(chartDiv, undefined, { renderer: "canvas" });
      window.__charts[id] = chart;
      // Honour reduced motion (also what the end-to-end tests ask for, so screenshots show settled charts).
      const still = matchMedia("(prefers-reduced-motion: reduce)").matches;
      chart.setOption({ ...option, animation: !still }, { notMerge: true });
      chart.resize();
      element.querySelector<HTMLElement>(".sample-flag")!.hidden = !sample;

      const table = document.createElement("table");
      const head = table.createTHead().insertRow();
      for (const c of columns) {
        const th = document.createElement("th");
        th.scope = "col";
        th.textContent = c.label;
        if (c.numeric) th.className = "num";
        head.appendChild(th);
      }
      const body = table.createTBody();
      for (const row of rows) {
        const tr = body.insertRow();
        for (const c of columns) {
          const td = tr.insertCell();
          const v = c.value(row);
          if (c.label === "Sample" && v === true) td.innerHTML = '<span class="badge sample">sample</span>';
          else td.textContent = cellText(c, row);
          if (c.numeric) td.className = "num";
        }
      }
      const wrap = element.querySelector(".table-wrap")!;
      wrap.replaceChildren(table);

      if (url) URL.revokeObjectURL(url);
      url = URL.createObjectURL(new Blob([toCsv(columns, rows)], { type: "text/csv" }));
      link.href = url;
      link.dataset.csv = toCsv(columns, rows);
    },
  };
}

addEventListener("resize", () => Object.values(window.__charts).forEach((c) => c.resize()));
