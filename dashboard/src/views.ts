import { getJson, ApiError } from "./api";
import { card } from "./card";
import {
  dependence, feeds, overlap, ranked, rankedBars, seriesLines,
  type DependenceRow, type FeedRow, type OverlapRow, type RankedRow, type YearRow,
} from "./shape";
import type { Column } from "./table";
import type {
  CountryList, EventList, Health, IndicatorList, MineralList, PartnerShares, ReservesList, ReservesSeries, ReservesSeriesItem,
} from "./types";
import { fmt, frame, place, select } from "./view";

/** The years the trade feed covers (the recorded Comtrade payloads and the live default window). */
export const YEARS = [2020, 2021, 2022, 2023, 2024];
const TRADE_MINERALS: [string, string][] = [["lithium", "Lithium"], ["cobalt", "Cobalt"], ["graphite", "Graphite"], ["ree", "Rare earths"]];
const SOURCES_NOTE = "Imports (flow M) by partner, USD, from /api/trade/partners; shared HS codes left out. Export controls from the policy register (/api/events), with their status today.";
const sampleCol = <T extends { isSample: boolean }>(): Column<T> => ({ label: "Sample", value: (r) => r.isSample, format: (r) => (r.isSample ? "sample" : "") });

function message(e: unknown): string {
  if (e instanceof ApiError) return `Could not load the data (${e.message}).`;
  return `Could not load the data: ${(e as Error).message}`;
}

/** Runs a load; a newer load for the same view wins, so a slow old answer never overwrites the current picker. */
function latest() {
  let generation = 0;
  return async (work: (current: () => boolean) => Promise<void>) => {
    const mine = ++generation;
    await work(() => mine === generation);
  };
}

export function dependenceView(panel: HTMLElement) {
  const f = frame(panel);
  const reporter = select("Reporter", "reporter", [["IND", "India"], ["USA", "United States"]], "IND");
  const mineral = select("Mineral", "mineral", TRADE_MINERALS, "lithium");
  place(f.controls, reporter, mineral);
  const sources = card<DependenceRow>("dependence-sources", "Import sources by year", SOURCES_NOTE, "import-sources.csv");
  const lines = card<YearRow>("dependence-lines", "Concentration and partner-group shares",
    "China's share and the HHI (0–10,000, right axis) of import value; US-FTA and MSP partners' shares from /api/indicators.",
    "import-concentration.csv");
  f.body.append(sources.element, lines.element);
  const run = latest();

  const load = () => run(async (current) => {
    f.setState("loading");
    const r = reporter.value, m = mineral.value;
    try {
      const [shares, indicators, events] = await Promise.all([
        Promise.all(YEARS.map((y) => getJson<PartnerShares>(`trade/partners?reporter=${r}&mineral=${m}&flow=M&year=${y}`))),
        Promise.all(YEARS.map((y) => getJson<IndicatorList>(`indicators?reporter=${r}&year=${y}&mineral=${m}`).catch((e) => {
          // Indicators answer 503 until computed; the trade chart still stands without the group shares.
          if (e instanceof ApiError && e.status === 503) return null;
          throw e;
        }))),
        getJson<EventList>(`events?mineral=${m}`),
      ]);
      if (!current()) return;
      const d = dependence(shares, indicators, events, m);
      if (d.empty) return f.setState("empty", `No ${m} imports reported by ${r} in ${YEARS[0]}–${YEARS.at(-1)}.`);
      f.setState("ready");
      f.banner(d.containsSample);
      sources.element.querySelector(".note")!.textContent = SOURCES_NOTE + (d.markers.length === 0
        ? " No export controls on this mineral in these years."
        : ` Dashed lines: ${d.markers.map((mk) => `${mk.date} ${mk.title} (${mk.status})`).join("; ")}.`);
      sources.show({
        tooltip: { trigger: "axis", valueFormatter: (v: unknown) => fmt.usd(v as number) },
        legend: { type: "scroll", top: 0 },
        grid: { left: 8, right: 16, top: 56, bottom: 8, containLabel: true },
        xAxis: { type: "category", data: d.years },
        yAxis: { type: "value", name: "USD", axisLabel: { formatter: (v: number) => `${v / 1e6}M` } },
        series: d.partners.map((p, i) => ({
          type: "bar", stack: "imports", name: p.isSample ? `${p.name} (sample)` : p.name, id: p.key, data: p.values,
          ...(i === 0 && d.markers.length > 0 ? {
            markLine: {
              symbol: "none", lineStyle: { color: "#a4000f", type: "dashed" },
              // The date on the line; the titles are in the caption, which stays readable at phone width.
              label: { formatter: (x: { name: string }) => x.name.slice(0, 10), position: "end", fontSize: 10, color: "#a4000f" },
              data: d.markers.map((mk) => ({ xAxis: mk.year, name: `${mk.date} ${mk.title} (${mk.status})` })),
            },
          } : {}),
        })),
      }, [
        { label: "Year", value: (x) => x.year },
        { label: "Partner", value: (x) => x.partner },
        { label: "Partner name", value: (x) => x.partnerName },
        { label: "Value USD", value: (x) => x.valueUsd, format: (x) => fmt.usd(x.valueUsd), numeric: true },
        { label: "Share %", value: (x) => x.sharePercent, format: (x) => fmt.pct(x.sharePercent), numeric: true },
        sampleCol(),
      ], d.rows, d.containsSample);
      lines.show({
        tooltip: { trigger: "axis" },
        legend: { top: 0 },
        grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
        xAxis: { type: "category", data: d.years },
        yAxis: [{ type: "value", name: "%", max: 100 }, { type: "value", name: "HHI", max: 10000, splitLine: { show: false } }],
        series: [
          { type: "line", id: "china", name: "China share %", data: d.lines.map((x) => x.chinaSharePercent) },
          { type: "line", id: "usfta", name: "US-FTA share %", data: d.lines.map((x) => x.usftaSharePercent) },
          { type: "line", id: "msp", name: "MSP share %", data: d.lines.map((x) => x.mspSharePercent) },
          { type: "line", id: "hhi", name: "HHI", yAxisIndex: 1, lineStyle: { type: "dashed" }, data: d.lines.map((x) => x.hhi) },
        ],
      }, [
        { label: "Year", value: (x) => x.year },
        { label: "China share %", value: (x) => x.chinaSharePercent, format: (x) => fmt.pct(x.chinaSharePercent), numeric: true },
        { label: "HHI", value: (x) => x.hhi, format: (x) => fmt.num(x.hhi), numeric: true },
        { label: "US-FTA share %", value: (x) => x.usftaSharePercent, format: (x) => fmt.pct(x.usftaSharePercent), numeric: true },
        { label: "MSP share %", value: (x) => x.mspSharePercent, format: (x) => fmt.pct(x.mspSharePercent), numeric: true },
        sampleCol(),
      ], d.lines, d.containsSample);
    } catch (e) {
      if (current()) f.setState("error", message(e), load);
    }
  });

  reporter.addEventListener("change", load);
  mineral.addEventListener("change", load);
  return load;
}

export function reservesView(panel: HTMLElement) {
  const f = frame(panel);
  const mineral = select("Mineral", "reserves-mineral", TRADE_MINERALS, "lithium");
  place(f.controls, mineral);
  const reserves = card<RankedRow>("reserves-reserves", "Reserves by country", "", "reserves.csv");
  const production = card<RankedRow>("reserves-production", "Mine production by country", "", "mine-production.csv");
  const history = card<ReservesSeriesItem>("reserves-series", "Mine production of the largest producer, edition by edition", "", "mine-production-series.csv");
  f.body.append(reserves.element, production.element, history.element);
  const run = latest();
  const columns: Column<RankedRow>[] = [
    { label: "Rank", value: (x) => x.rank, numeric: true },
    { label: "Country", value: (x) => x.country },
    { label: "ISO3", value: (x) => x.iso3 },
    { label: "Tons", value: (x) => x.valueTons, format: (x) => fmt.num(x.valueTons), numeric: true },
    { label: "Published", value: (x) => x.valuePublished },
    { label: "Qualifier", value: (x) => x.qualifier },
    { label: "Share of world", value: (x) => x.shareOfWorld, format: (x) => (x.shareOfWorld === null ? "—" : fmt.pct(x.shareOfWorld * 100)), numeric: true },
    { label: "Memberships", value: (x) => x.memberships },
    sampleCol(),
  ];

  const load = () => run(async (current) => {
    f.setState("loading");
    const m = mineral.value;
    try {
      const [list, countries] = await Promise.all([
        getJson<ReservesList>(`reserves?mineral=${m}`),
        getJson<CountryList>("countries?limit=1000"),
      ]);
      if (!current()) return;
      if (list.items.length === 0) return f.setState("empty", `No USGS reserves or production stored for ${m}.`);
      // The series of the largest producer across editions: every edition's figure, so revisions show.
      const top = ranked(list, "mine-production", countries.items).rows.find((r) => r.rank === 1 && r.iso3);
      const series = top
        ? await getJson<ReservesSeries>(`reserves/series?mineral=${m}&country=${top.iso3}&measure=mine-production&editions=all`)
        : null;
      if (!current()) return;
      f.setState("ready");
      f.banner(list.isSample);
      for (const [measure, target] of [["reserves", reserves], ["mine-production", production]] as const) {
        const r = ranked(list, measure, countries.items);
        const bars = rankedBars(r);
        target.element.querySelector(".note")!.textContent =
          `USGS ${list.edition ?? ""}${list.editionSelection ? ` (${list.editionSelection})` : ""}, ${r.year ?? "no year"}, ${r.basis ?? "tons"}; World ${fmt.tons(r.worldTons)}` +
          `${r.worldTotalExcludes ? ` (${r.worldTotalExcludes})` : ""}. ` +
          "Bars: countries with a number (qualifier in the tooltip); withheld or unavailable values are in the table only.";
        target.show({
          tooltip: {
            trigger: "item",
            formatter: (p: { dataIndex: number }) => {
              const b = bars[p.dataIndex];
              return `${b.country}: ${fmt.tons(b.valueTons)} (${b.qualifier})${b.shareOfWorld === null ? "" : `, ${fmt.pct(b.shareOfWorld * 100)} of world`}`;
            },
          },
          grid: { left: 8, right: 64, top: 8, bottom: 8, containLabel: true },
          yAxis: { type: "category", inverse: true, data: bars.map((b) => b.country) },
          xAxis: { type: "value", name: "t" },
          series: [{
            type: "bar", id: measure, name: measure, data: bars.map((b) => b.valueTons),
            label: {
              show: true, position: "right", fontSize: 11,
              formatter: (p: { dataIndex: number }) => {
                const b = bars[p.dataIndex];
                const share = b.shareOfWorld === null ? "" : fmt.pct(b.shareOfWorld * 100);
                return b.qualifier === "exact" ? share : `${share} ${b.qualifier}`.trim();
              },
            },
          }],
        }, columns, r.rows, r.containsSample);
      }
      history.element.hidden = !top || !series;
      if (top && series) {
        const { years, lines } = seriesLines(series);
        history.element.querySelector(".note")!.textContent =
          `${top.country}, ${series.product}: each line is one MCS edition (newest first); a later edition's figure for a year revises an earlier one. From /api/reserves/series.`;
        history.show({
          tooltip: { trigger: "axis" },
          legend: { top: 0 },
          grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
          xAxis: { type: "category", data: years.map(String) },
          yAxis: { type: "value", name: "t" },
          series: lines.map((l) => ({ type: "line", id: l.edition, name: l.edition, connectNulls: false, data: l.values })),
        }, [
          { label: "Year", value: (x) => x.year },
          { label: "Edition", value: (x) => x.edition },
          { label: "Tons", value: (x) => x.valueTons, format: (x) => fmt.num(x.valueTons), numeric: true },
          { label: "Published", value: (x) => x.valuePublished },
          { label: "Qualifier", value: (x) => x.qualifier },
          { label: "Newest", value: (x) => (x.newest ? "newest" : "") },
        ], series.items, false);
      }
    } catch (e) {
      if (current()) f.setState("error", message(e), load);
    }
  });

  mineral.addEventListener("change", load);
  return load;
}

export function overlapView(panel: HTMLElement) {
  const f = frame(panel);
  const us = select("US list", "us-list", [["US2025", "US 2025 (60 entries)"], ["US2022", "US 2022 (50 entries)"]], "US2025");
  place(f.controls, us);
  const counts = card<{ label: string; count: number }>("overlap-counts", "How many minerals",
    "India's 2023 list and the chosen US list as published, and the minerals on both: group counting (REE and PGE count once) and element counting.",
    "list-overlap-counts.csv");
  const lists = card<OverlapRow>("overlap-lists", "Lists side by side",
    "Each mineral on either list and the published entries that put it there; minerals on both first.", "lists-side-by-side.csv");
  f.body.append(counts.element, lists.element);
  const run = latest();

  const load = () => run(async (current) => {
    f.setState("loading");
    const u = us.value;
    try {
      const [india, usl, commonGroup, commonElement, all] = await Promise.all([
        getJson<MineralList>("minerals?lists=IN2023"),
        getJson<MineralList>(`minerals?lists=${u}`),
        getJson<MineralList>(`minerals?lists=IN2023,${u}&counting=group`),
        getJson<MineralList>(`minerals?lists=IN2023,${u}&counting=element`),
        getJson<MineralList>("minerals?limit=1000"),
      ]);
      if (!current()) return;
      const o = overlap("IN2023", u, { india, us: usl, commonGroup, commonElement }, all);
      f.setState("ready");
      f.banner(o.containsSample);
      counts.show({
        tooltip: { trigger: "axis" },
        grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
        yAxis: { type: "category", inverse: true, data: o.counts.map((c) => c.label) },
        xAxis: { type: "value" },
        series: [{ type: "bar", id: "count", name: "Minerals", data: o.counts.map((c) => c.count), label: { show: true, position: "right" } }],
      }, [
        { label: "Count", value: (x) => x.label },
        { label: "Minerals", value: (x) => x.count, numeric: true },
      ], o.counts, o.containsSample);
      // A chart of which list each mineral is on would repeat the table; this card's chart shows the split instead.
      const onlyIndia = o.rows.filter((r) => r.india && !r.us).length;
      const onlyUs = o.rows.filter((r) => r.us && !r.india).length;
      const both = o.rows.filter((r) => r.onBoth).length;
      lists.show({
        tooltip: { trigger: "item" },
        legend: { bottom: 0 },
        series: [{
          type: "pie", id: "split", name: "Catalog minerals", radius: ["40%", "70%"],
          data: [{ name: "IN2023 only", value: onlyIndia }, { name: "On both", value: both }, { name: `${u} only`, value: onlyUs }],
          label: { formatter: "{b}: {c}" },
        }],
      }, [
        { label: "Mineral", value: (x) => x.name },
        { label: "Id", value: (x) => x.id },
        { label: "IN2023 entries", value: (x) => x.india },
        { label: `${u} entries`, value: (x) => x.us },
        { label: "On both", value: (x) => x.onBoth, format: (x) => (x.onBoth ? "yes" : "") },
        sampleCol(),
      ], o.rows, o.containsSample);
    } catch (e) {
      if (current()) f.setState("error", message(e), load);
    }
  });

  us.addEventListener("change", load);
  return load;
}

export function feedsView(panel: HTMLElement) {
  const f = frame(panel);
  const refresh = document.createElement("button");
  refresh.type = "button";
  refresh.textContent = "Refresh";
  f.controls.appendChild(refresh);
  const freshness = card<FeedRow>("feeds-age", "Feed freshness", "Hours since each feed's last successful run (/api/health).", "feed-freshness.csv");
  const snapshot = document.createElement("article");
  snapshot.className = "card";
  snapshot.innerHTML = `<h2>Latest partner snapshot</h2><div class="snapshot" aria-live="polite"></div>`;
  f.body.append(freshness.element, snapshot);
  const run = latest();

  const load = () => run(async (current) => {
    f.setState("loading");
    try {
      const health = await getJson<Health>("health");
      if (!current()) return;
      const rows = feeds(health, new Date());
      if (rows.length === 0) return f.setState("empty", "No feed has reported yet.");
      f.setState("ready");
      freshness.show({
        tooltip: { trigger: "axis" },
        grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
        yAxis: { type: "category", inverse: true, data: rows.map((r) => `${r.feed} (${r.status})`) },
        xAxis: { type: "value", name: "hours" },
        series: [{ type: "bar", id: "age", name: "Hours since last success", data: rows.map((r) => r.ageHours), label: { show: true, position: "right" } }],
      }, [
        { label: "Feed", value: (x) => x.feed },
        { label: "Status", value: (x) => x.status },
        { label: "Last success", value: (x) => x.lastSuccess },
        { label: "Hours since", value: (x) => x.ageHours, numeric: true },
        { label: "Last run", value: (x) => x.detail },
      ], rows, false);
      await loadSnapshot(snapshot.querySelector<HTMLElement>(".snapshot")!);
    } catch (e) {
      if (current()) f.setState("error", message(e), load);
    }
  });

  refresh.addEventListener("click", load);
  return load;
}

interface SnapshotManifestFile {
  dataset: string;
  format: string;
  rows: number;
  bytes: number;
  sha256: string;
}

interface SnapshotManifest {
  folder: string;
  generatedAt: string;
  files: SnapshotManifestFile[];
}

/** The latest partner snapshot: its folder and files with rows, size and checksum; 404 means none yet, not an error. */
async function loadSnapshot(target: HTMLElement) {
  try {
    const snap = await getJson<SnapshotManifest>("snapshots/latest");
    const summary = document.createElement("p");
    summary.textContent = `${snap.folder} — generated ${new Date(snap.generatedAt).toISOString().replace("T", " ").slice(0, 16)} UTC, ${snap.files.length} files`;
    const table = document.createElement("table");
    const head = table.createTHead().insertRow();
    for (const title of ["dataset", "format", "rows", "bytes", "SHA-256"]) {
      const th = document.createElement("th");
      th.scope = "col";
      th.textContent = title;
      head.append(th);
    }
    const body = table.createTBody();
    for (const f of snap.files) {
      const row = body.insertRow();
      for (const cell of [f.dataset, f.format, f.rows.toLocaleString("en-US"), f.bytes.toLocaleString("en-US"), `${f.sha256.slice(0, 12)}…`]) {
        row.insertCell().textContent = cell;
      }
    }
    target.replaceChildren(summary, table);
  } catch (e) {
    target.textContent = e instanceof ApiError && e.status === 404 ? "No snapshot yet." : `Could not load the snapshot: ${(e as Error).message}`;
  }
}
