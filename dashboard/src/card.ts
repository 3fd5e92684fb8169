import { chartIn, type ChartOption } from "./charts";
import { renderTable, toCsv, type Column } from "./table";

export interface Shown<T> {
  option: ChartOption;
  columns: Column<T>[];
  rows: T[];
  /** Whether any charted figure is made-up sample data (the card then says so). */
  sample: boolean;
  /** Where the figures come from, in words: "UN Comtrade, mirror (…)", "USGS MCS2026" … */
  source: string;
  /** What the chart shows and how to read it. */
  note: string;
  /** Pixels, for a chart whose height should follow its rows (one bar per mineral); default the stylesheet's. */
  height?: number;
}

export interface Card<T> {
  element: HTMLElement;
  show(shown: Shown<T>): void;
  hide(): void;
}

let cardCount = 0;

/**
 * A chart with its caption (what it shows, and its source), a table of the same numbers (behind a disclosure) and a
 * CSV download of them.
 */
export function card<T>(id: string, title: string, file: string): Card<T> {
  const n = ++cardCount;
  const element = document.createElement("article");
  element.className = "card";
  element.dataset.card = id;
  element.innerHTML = `
    <h2 id="h-${n}"></h2>
    <p class="note"></p>
    <p class="source"></p>
    <div class="sample-flag" hidden><span class="badge sample">sample</span> Includes made-up sample rows (marked in the table).</div>
    <div class="chart" id="chart-${id}" role="img" aria-labelledby="h-${n}"></div>
    <details><summary>Table view</summary><div class="table-wrap"></div></details>
    <div class="actions"><a class="button csv" href="#" download="${file}">Download CSV</a></div>`;
  element.querySelector("h2")!.textContent = title;
  const chartDiv = element.querySelector<HTMLDivElement>(".chart")!;
  const link = element.querySelector<HTMLAnchorElement>("a.csv")!;
  let url: string | null = null;

  return {
    element,
    hide() {
      element.hidden = true;
    },
    show({ option, columns, rows, sample, source, note, height }) {
      element.hidden = false;
      element.querySelector(".note")!.textContent = note;
      element.querySelector(".source")!.textContent = `Source: ${source}`;
      chartDiv.style.height = height === undefined ? "" : `${height}px`;
      const chart = chartIn(id, chartDiv);
      // Honour reduced motion (also what the end-to-end tests ask for, so screenshots show settled charts).
      const still = matchMedia("(prefers-reduced-motion: reduce)").matches;
      chart.setOption({ ...option, animation: !still }, { notMerge: true });
      chart.resize();
      element.querySelector<HTMLElement>(".sample-flag")!.hidden = !sample;
      element.querySelector(".table-wrap")!.replaceChildren(renderTable(columns, rows));

      const csv = toCsv(columns, rows);
      if (url) URL.revokeObjectURL(url);
      url = URL.createObjectURL(new Blob([csv], { type: "text/csv" }));
      link.href = url;
      link.dataset.csv = csv;
    },
  };
}
