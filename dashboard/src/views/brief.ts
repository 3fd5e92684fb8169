// The India brief: for each mineral on both India's and the US's (newest) lists, India's import sources and China's
// share (reported where real, else mirror, labelled), India's reserves, production and world rank (newest USGS
// edition), the export controls in force, sourcing candidates among MSP, Quad and US-FTA members with their reserves,
// and the India–US CMPA scenario's effect on the US-FTA share of US imports. Sortable; the CSV is what is shown.
import { api, ApiError, pooled } from "../api";
import { card } from "../card";
import * as meta from "../meta";
import { briefRow, CANDIDATES, isReal, PARTNER_GROUPS, type BriefRow } from "../shape/brief";
import { listsOf } from "../shape/overlap";
import * as sources from "../sources";
import type { Key } from "../state";
import * as store from "../store";
import { formatSort, parseSort, renderTable, sortRows, toCsv, type Column, type Sort } from "../table";
import type { IndicatorList } from "../types";
import { fmt, frame, keyedLoad, options, picker } from "../view";

const INDIA = "IND", US = "USA", SCENARIO = "india-us-cmpa";
const KEYS: Key[] = ["year"];

const sourceLabel = (s: BriefRow["importSource"]) => (s === "reported" ? "Comtrade reported" : s === "mirror" ? "Comtrade mirror" : "no real figures");

export const BRIEF_COLUMNS: Column<BriefRow>[] = [
  { label: "Mineral", value: (r) => r.name },
  { label: "Import figures", value: (r) => sourceLabel(r.importSource) },
  { label: "India imports USD", value: (r) => r.importValueUsd, format: (r) => fmt.usd(r.importValueUsd), numeric: true },
  { label: "China share %", value: (r) => r.chinaSharePercent, format: (r) => fmt.pct(r.chinaSharePercent), numeric: true },
  { label: "Top sources", value: (r) => r.topSources, wide: true },
  { label: "India reserves t", value: (r) => r.reservesTons, format: (r) => fmt.num(r.reservesTons), numeric: true },
  { label: "Reserves rank", value: (r) => r.reservesRank, numeric: true },
  { label: "Reserves % of world", value: (r) => r.reservesSharePercent, format: (r) => fmt.pct(r.reservesSharePercent, 2), numeric: true },
  { label: "India production t", value: (r) => r.productionTons, format: (r) => fmt.num(r.productionTons), numeric: true },
  { label: "Production rank", value: (r) => r.productionRank, numeric: true },
  { label: "Production % of world", value: (r) => r.productionSharePercent, format: (r) => fmt.pct(r.productionSharePercent, 2), numeric: true },
  { label: "Production measure", value: (r) => r.productionMeasure },
  { label: "USGS edition", value: (r) => r.usgsEdition },
  { label: "USGS year", value: (r) => r.reservesYear ?? r.productionYear, numeric: true },
  { label: "Controls in force", value: (r) => r.controlCount, numeric: true },
  { label: "Control ids", value: (r) => r.controls, format: (r) => r.controlTitles, wide: true },
  { label: "Candidates", value: (r) => r.candidates, format: (r) => r.candidateText, wide: true },
  { label: "Candidate reserves t", value: (r) => r.candidateReservesTons, wide: true },
  { label: "US-FTA share of US imports %", value: (r) => r.usftaSharePercent, format: (r) => fmt.pct(r.usftaSharePercent), numeric: true },
  { label: "With India (CMPA) %", value: (r) => r.usftaScenarioSharePercent, format: (r) => fmt.pct(r.usftaScenarioSharePercent), numeric: true },
  {
    label: "CMPA effect pp", value: (r) => r.cmpaEffectPoints, numeric: true,
    format: (r) => (r.cmpaEffectPoints === null ? "—" : r.cmpaEffectPoints === 0 ? "none (no US imports from India)" : `+${r.cmpaEffectPoints.toFixed(1)}`),
  },
  { label: "US figures sample", value: (r) => r.cmpaSample, format: (r) => (r.cmpaSample ? "sample" : ""), sample: true },
];

/** Today in UTC, yyyy-MM-dd: the day the export controls are in force on (the API's own default day). */
const today = () => new Date().toISOString().slice(0, 10);

export function briefView(panel: HTMLElement): () => Promise<void> {
  const f = frame(panel);
  const year = picker(f.controls, "Trade year", "year");
  const chart = card<BriefRow>("brief-china", "China's share of India's imports, by mineral", "india-brief-china-share.csv");
  const table = document.createElement("article");
  table.className = "card brief";
  table.dataset.card = "brief-table";
  table.innerHTML = `<h2>India brief: minerals on both lists</h2><p class="note"></p><p class="source"></p>
    <div class="table-wrap"></div><div class="actions"><a class="button csv" href="#" download="india-brief.csv">Download CSV (as shown)</a></div>`;
  f.body.append(table, chart.element);
  let rows: BriefRow[] = [];
  let url: string | null = null;

  /** The table in the URL's sort, and the CSV of exactly that. */
  const renderRows = () => {
    const sort = parseSort(store.get().sort, BRIEF_COLUMNS);
    const onSort = (next: Sort) => {
      store.update({ sort: formatSort(next) }, "push");
      renderRows();
    };
    table.querySelector(".table-wrap")!.replaceChildren(renderTable(BRIEF_COLUMNS, rows, sort, onSort));
    const csv = toCsv(BRIEF_COLUMNS, sortRows(BRIEF_COLUMNS, rows, sort));
    const link = table.querySelector<HTMLAnchorElement>("a.csv")!;
    if (url) URL.revokeObjectURL(url);
    url = URL.createObjectURL(new Blob([csv], { type: "text/csv" }));
    link.href = url;
    link.dataset.csv = csv;
  };

  const load = keyedLoad(f, KEYS, async (current) => {
    const [coverage, all, names] = await Promise.all([meta.coverage(), meta.minerals(), meta.names()]);
    if (!current()) return;
    const y = Number(options(year, [...coverage.years].reverse().map((v) => [String(v), String(v)]), store.get().year, String(coverage.toYear)));
    store.update({ year: String(y) }, "replace");
    const indiaList = listsOf(all, "IN").at(-1), usList = listsOf(all, "US").at(-1);
    if (!indiaList || !usList) return f.setState("empty", "The catalog has no Indian or no US list.");
    const day = today(), membershipDay = `${y}-07-01`;
    const mirror = coverage.items.find((i) => i.reporter === INDIA)?.sources.includes("mirror") ?? false;
    const [both, countries, usIndicators] = await Promise.all([
      api("/minerals", { query: { lists: `${indiaList},${usList}`, limit: 1000 } }),
      api("/countries", { query: { on: membershipDay, limit: 1000 } }),
      api("/indicators", { query: { reporter: US, year: y, scenario: SCENARIO } }).catch((e): IndicatorList | null => {
        if (e instanceof ApiError && (e.status === 503 || e.status === 404)) return null;
        throw e;
      }),
    ]);
    const memberships = new Map(countries.items.map((c) => [c.iso3, c.memberships]));
    rows = await pooled(both.items, 6, async (mineral) => {
      const m = mineral.id;
      const [reported, reserves, controls, sourcing] = await Promise.all([
        api("/trade/partners", { query: { reporter: INDIA, mineral: m, flow: "M", year: y } }),
        api("/reserves", { query: { mineral: m, country: INDIA } }),
        api("/events", { query: { mineral: m, activeOn: day } }),
        api("/sourcing", { query: { mineral: m, buyer: INDIA } }),
      ]);
      const mirrored = !isReal(reported) && mirror
        ? await api("/trade/partners", { query: { reporter: INDIA, mineral: m, flow: "M", year: y, source: "mirror" } })
        : null;
      return briefRow({
        mineral, reported, mirror: mirrored, reserves, controls, sourcing, memberships,
        usIndicator: usIndicators?.items.find((i) => i.mineral === m),
      });
    });
    if (!current()) return;
    if (rows.length === 0) return f.setState("empty", `No mineral is on both ${indiaList} and ${usList}.`);
    f.setState("ready");
    const sample = rows.some((r) => r.cmpaSample);
    f.banner(sample, "The US-FTA columns rest on US import declarations that include made-up sample rows (marked); every other column is real.");
    table.dataset.activeOn = day;
    table.dataset.membershipsOn = membershipDay;
    table.dataset.year = String(y);
    table.querySelector(".note")!.textContent =
      `${rows.length} minerals on both ${indiaList} and ${usList} (group counting). Imports: ${y}, reported where India's own figures are real, `
      + `else the mirror (its partners' reports), else none; the "Import figures" column says which. Reserves and production: India's own row, `
      + `latest year, newest USGS edition with the mineral. Controls: measures in force on ${day}. Candidates: up to ${CANDIDATES} suppliers `
      + `ranked by /api/sourcing (buyer India) that were in ${PARTNER_GROUPS.join(", ")} on ${membershipDay}, with their reserves and world rank. `
      + `CMPA: the US-FTA share of US imports in ${y}, and the same with India counted as a partner (scenario ${SCENARIO}); `
      + `a zero effect means no US imports from India were recorded. Sort by any column; the CSV holds the rows as shown.`;
    table.querySelector(".source")!.textContent =
      `Source: ${sources.comtrade("India", "reported", "M")} or ${sources.comtrade("India", "mirror", "M")}; `
      + `${sources.usgs(null)} (edition per row); ${sources.register}; /api/countries?on=${membershipDay}; `
      + `${sources.comtrade("the US", "reported", "M")} via /api/indicators.`;
    renderRows();

    const shown = rows.filter((r) => r.importSource !== null);
    chart.show({
      note: `China's share of India's ${y} imports for the minerals with real figures; the bar's colour says whether they are India's own (reported) or its partners' (mirror).`,
      source: `${sources.comtrade("India", "reported", "M")}; ${sources.comtrade("India", "mirror", "M")}`,
      sample: false,
      height: 96 + 36 * shown.length,
      option: {
        tooltip: { trigger: "axis", valueFormatter: (v: unknown) => fmt.pct(v as number) },
        legend: { top: 0 },
        grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
        yAxis: { type: "category", inverse: true, data: shown.map((r) => r.name) },
        xAxis: { type: "value", name: "%", max: 100 },
        series: (["reported", "mirror"] as const).map((s) => ({
          type: "bar", stack: "share", id: s, name: sourceLabel(s),
          data: shown.map((r) => (r.importSource === s ? r.chinaSharePercent : null)),
        })),
      },
      columns: [BRIEF_COLUMNS[0], BRIEF_COLUMNS[1], BRIEF_COLUMNS[3], BRIEF_COLUMNS[2]],
      rows: shown,
    });
    chart.element.hidden = shown.length === 0;
  }, { loading: "Loading the brief (a few routes per mineral)…", same: renderRows });

  year.addEventListener("change", () => {
    store.update({ year: year.value }, "push");
    void load();
  });
  return load;
}
