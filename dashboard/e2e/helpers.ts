// Shared helpers of the end-to-end tests: the API as the page sees it, waiting for a view to settle, reading what a
// chart draws (its ECharts instance, window.__charts), screenshots, and a page that fails the test on any page error.
import { expect, test as base, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";

export const BASE = (process.env.BASE_URL ?? "http://127.0.0.1:7071").replace(/\/$/, "");
const SHOTS = resolve(process.env.SCREENSHOT_DIR ?? join(import.meta.dirname, "..", "..", "tests", "dashboard-screenshots"));
mkdirSync(SHOTS, { recursive: true });

/** The API's own answer (JSON), asserted 200. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function api(path: string): Promise<any> {
  const r = await fetch(`${BASE}/api/${path}`);
  expect(r.status, `${path} answered ${r.status}`).toBe(200);
  return r.json();
}

/** A page that records uncaught errors; the test fails if there were any. */
export const test = base.extend<{ page: Page }>({
  page: async ({ page }, use) => {
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await use(page);
    expect(errors, "no uncaught page errors").toEqual([]);
  },
});
export { expect };

export async function settled(page: Page, view: string, state = "ready") {
  await page.waitForFunction(([v, s]) => document.getElementById(`view-${v}`)?.dataset.state === s, [view, state], { timeout: 30_000 });
}

/** Opens the page at `query` (e.g. "?view=brief") and waits for `view` to be ready. */
export async function open(page: Page, query: string, view: string) {
  await page.goto(`${BASE}/${query}`);
  await settled(page, view);
}

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

export interface Series {
  id: string;
  name: string;
  data: unknown[];
  markLine?: { data: { xAxis: string; name: string }[] };
}

/** The series of a drawn chart, read from its ECharts instance. */
export const series = (page: Page, chart: string): Promise<Series[]> => page.evaluate((id) =>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  (window as any).__charts[id].getOption().series.map((s: any) => ({ id: s.id, name: s.name, data: s.data, markLine: s.markLine })), chart);

export const axis = (page: Page, chart: string, which: "xAxis" | "yAxis"): Promise<string[]> => page.evaluate(([id, w]) =>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  (window as any).__charts[id].getOption()[w][0].data, [chart, which] as const);

/** A chart datum as a number (ECharts may hold {value}); null for a gap. */
export const num = (v: unknown): number | null =>
  v === undefined || v === null || v === "-" ? null : typeof v === "object" ? num((v as { value: unknown }).value) : (v as number);

/** The data of each series by id, as numbers. */
export async function seriesById(page: Page, chart: string): Promise<Record<string, (number | null)[]>> {
  return Object.fromEntries((await series(page, chart)).map((s) => [s.id, s.data.map(num)]));
}

/** An RFC 4180 CSV (as the page's download holds it) as rows of cells, header first. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], cell = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(cell); cell = ""; }
    else if (c === "\r" && text[i + 1] === "\n") { row.push(cell); rows.push(row); row = []; cell = ""; i++; }
    else cell += c;
  }
  return rows;
}

/** The CSV a card's download link holds, as objects keyed by header. */
export async function csvOf(page: Page, selector: string): Promise<Record<string, string>[]> {
  const text = await page.locator(`${selector} a.csv`).first().getAttribute("data-csv");
  const [head, ...rows] = parseCsv(text ?? "");
  return rows.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}

/** The value a CSV cell holds for a number or null (empty). */
export const cell = (v: number | null | undefined) => (v === null || v === undefined ? "" : String(v));

export const pick = async (page: Page, view: string, select: string, value: string) => {
  await page.selectOption(`#pick-${select}`, value);
  await settled(page, view);
};
