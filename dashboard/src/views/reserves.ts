// Reserves and production across USGS editions: countries ranked in the chosen edition (newest by default), one
// country's series edition by edition (revisions visible), and USGS's US net import reliance and import sources beside
// the UN Comtrade shares of US imports.
import { api, type Query } from "../api";
import { card } from "../card";
import * as meta from "../meta";
import { importSources, rankedBars, ranked, reliance, revisions, seriesLines, type RankedRow, type RelianceRow, type SourceRow } from "../shape/reserves";
import * as sources from "../sources";
import { DEFAULTS, type Key } from "../state";
import * as store from "../store";
import type { ReservesSeriesItem } from "../types";
import { fmt, frame, keyedLoad, options, picker, sampleColumn } from "../view";

const KEYS: Key[] = ["mineral", "edition", "country", "measure"];
const US = "USA";
type Measure = Query<"/reserves/series">["measure"];
const MEASURES: [Measure, string][] = [["mine-production", "Mine production"], ["reserves", "Reserves"], ["refinery-production", "Refinery production"], ["production", "Production (no stage stated)"]];

export function reservesView(panel: HTMLElement): () => Promise<void> {
  const f = frame(panel);
  const mineral = picker(f.controls, "Mineral", "reserves-mineral");
  const edition = picker(f.controls, "Edition", "edition");
  const country = picker(f.controls, "Series: country", "country");
  const measure = picker(f.controls, "Series: measure", "measure");
  const reserves = card<RankedRow>("reserves-reserves", "Reserves by country", "reserves.csv");
  const production = card<RankedRow>("reserves-production", "Mine production by country", "mine-production.csv");
  const history = card<ReservesSeriesItem>("reserves-series", "One country, edition by edition", "reserves-series.csv");
  const nir = card<RelianceRow>("reserves-nir", "US net import reliance (USGS)", "us-net-import-reliance.csv");
  const imports = card<SourceRow>("reserves-sources", "US import sources: USGS beside UN Comtrade", "us-import-sources.csv");
  f.body.append(reserves.element, production.element, history.element, nir.element, imports.element);

  const load = keyedLoad(f, KEYS, async (current) => {
    const [minerals, countries, coverage] = await Promise.all([meta.minerals(), meta.countries(), meta.coverage()]);
    if (!current()) return;
    const s = store.get();
    const m = options(mineral, [...minerals.items].sort((a, b) => a.name.localeCompare(b.name)).map((x) => [x.id, x.name]), s.mineral, DEFAULTS.mineral);
    // The newest edition that has the mineral, unless one is chosen (and stored for it).
    const newest = await api("/reserves", { query: { mineral: m, limit: 1000 } });
    if (!current()) return;
    const e = options(edition, (newest.editions ?? []).map((x) => [x, x === newest.edition ? `${x} (newest)` : x]), s.edition, newest.edition ?? undefined);
    const list = e && e !== newest.edition ? await api("/reserves", { query: { mineral: m, edition: e, limit: 1000 } }) : newest;
    if (!current()) return;
    const mineralName = minerals.items.find((x) => x.id === m)?.name ?? m;
    if (list.items.length === 0) {
      store.update({ mineral: m, edition: undefined, country: undefined, measure: undefined }, "replace");
      return f.setState("empty", `No USGS reserves or production stored for ${mineralName.toLowerCase()}.`);
    }
    const res = ranked(list, "reserves", countries.items);
    const prod = ranked(list, "mine-production", countries.items);
    const measures = MEASURES.filter(([v]) => list.items.some((i) => i.measure === v));
    const ms = options(measure, measures, s.measure, "mine-production") as Measure;
    const forSeries = ranked(list, ms, countries.items);
    const named = forSeries.rows.filter((r) => r.iso3 && r.valueTons !== null);
    const c = options(country, named.map((r) => [r.iso3!, r.country]), s.country, named[0]?.iso3 ?? undefined);
    store.update({ mineral: m, edition: e, measure: ms, country: c || undefined }, "replace");

    // Comtrade's shares of US imports for the last year of USGS's import-source period (within the feed's years).
    const [series, salient] = await Promise.all([
      c ? api("/reserves/series", { query: { mineral: m, country: c, measure: ms, product: forSeries.product ?? undefined, editions: "all" } }) : Promise.resolve(null),
      // Every edition's salient figures, then the chosen edition's: salient files start with MCS 2024, and naming an
      // edition that holds none for the mineral is a 400 (older reserves editions simply have no US figures beside them).
      api("/salient", { query: { mineral: m, limit: 1000 } }).then((all) => ({ ...all, items: all.items.filter((i) => i.edition === e) })),
    ]);
    const sourcesYear = importSources(salient, null).rows.length > 0
      ? Math.min(Math.max(...salient.items.filter((i) => i.kind === "import-source").map((i) => i.year)), coverage.toYear)
      : coverage.toYear;
    const comtrade = await api("/trade/partners", { query: { reporter: US, mineral: m, flow: "M", year: sourcesYear } });
    if (!current()) return;
    f.setState("ready");
    const edLabel = sources.usgs(list.edition);
    const selection = list.editionSelection ? ` (${list.editionSelection})` : " (chosen)";
    const compare = importSources(salient, comtrade);
    f.banner(compare.rows.some((r) => r.comtradeSample), "The UN Comtrade shares of US imports include made-up sample partners (marked); the USGS figures are real.");

    for (const [r, target, what] of [[res, reserves, "Reserves"], [prod, production, "Mine production"]] as const) {
      if (r.rows.length === 0) {
        target.hide();
        continue;
      }
      const bars = rankedBars(r);
      target.show({
        note: `${what} of ${mineralName.toLowerCase()}, ${r.year ?? "no year"}, ${r.basis ?? "metric tons"}${r.product && r.product !== "main" ? `, ${r.product}` : ""}; `
          + `World ${fmt.tons(r.worldTons)}${r.worldTotalExcludes ? ` (${r.worldTotalExcludes})` : ""}. Bars: countries with a number (qualifier in the tooltip); `
          + "withheld or unavailable values are in the table only.",
        source: `${edLabel}${selection}`,
        sample: r.containsSample,
        option: {
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
            type: "bar", id: r.measure, name: r.measure, data: bars.map((b) => b.valueTons),
            label: {
              show: true, position: "right", fontSize: 11,
              formatter: (p: { dataIndex: number }) => {
                const b = bars[p.dataIndex];
                const share = b.shareOfWorld === null ? "" : fmt.pct(b.shareOfWorld * 100);
                return b.qualifier === "exact" ? share : `${share} ${b.qualifier}`.trim();
              },
            },
          }],
        },
        columns: [
          { label: "Rank", value: (x) => x.rank, numeric: true },
          { label: "Country", value: (x) => x.country },
          { label: "ISO3", value: (x) => x.iso3 },
          { label: "Tons", value: (x) => x.valueTons, format: (x) => fmt.num(x.valueTons), numeric: true },
          { label: "Published", value: (x) => x.valuePublished },
          { label: "Qualifier", value: (x) => x.qualifier },
          { label: "Share of world", value: (x) => x.shareOfWorld, format: (x) => (x.shareOfWorld === null ? "—" : fmt.pct(x.shareOfWorld * 100)), numeric: true },
          { label: "USGS revision", value: (x) => x.correction },
          { label: "Memberships", value: (x) => x.memberships },
          sampleColumn(),
        ],
        rows: r.rows,
      });
    }

    if (series && series.items.length > 0) {
      const { years, lines } = seriesLines(series);
      const changed = revisions(series);
      const countryName = named.find((r) => r.iso3 === c)?.country ?? c;
      history.show({
        note: `${countryName}, ${ms}${series.product !== "main" ? ` (${series.product})` : ""}: each line is one MCS edition; where a later edition `
          + `gives another figure for a year, it revised the earlier one. ${changed.length === 0 ? "No revisions between editions."
            : `Revisions: ${changed.map((x) => `${x.year} ${x.from} ${fmt.num(x.fromTons)} → ${x.to} ${fmt.num(x.toTons)} t`).join("; ")}.`}`,
        source: `${sources.usgs(null)}, every edition stored (/api/reserves/series?editions=all)`,
        sample: series.items.some((i) => i.isSample),
        option: {
          tooltip: { trigger: "axis" },
          legend: { top: 0 },
          grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
          xAxis: { type: "category", data: years.map(String) },
          yAxis: { type: "value", name: "t" },
          series: lines.map((l) => ({ type: "line", id: l.edition, name: l.edition, connectNulls: false, data: l.values })),
        },
        columns: [
          { label: "Year", value: (x) => x.year },
          { label: "Edition", value: (x) => x.edition },
          { label: "Tons", value: (x) => x.valueTons, format: (x) => fmt.num(x.valueTons), numeric: true },
          { label: "Published", value: (x) => x.valuePublished },
          { label: "Qualifier", value: (x) => x.qualifier },
          { label: "Newest", value: (x) => x.newest, format: (x) => (x.newest ? "newest" : "") },
        ],
        rows: series.items,
      });
    } else {
      history.hide();
    }

    const nirRows = reliance(salient);
    if (nirRows.length > 0) {
      nir.show({
        note: `USGS's net import reliance of the United States (percent of apparent consumption), as published in ${e}; `
          + "a bound (>50) is drawn at its bound and marked in the table; E = net exporter (no bar).",
        source: `${sources.usgs(e)}, salient statistics (/api/salient)`,
        sample: false,
        option: {
          tooltip: { trigger: "axis" },
          grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
          xAxis: { type: "category", data: nirRows.map((r) => String(r.year)) },
          yAxis: { type: "value", name: "%", max: 100 },
          series: [{ type: "bar", id: "nir", name: "Net import reliance %", data: nirRows.map((r) => r.percent), label: { show: true, position: "top", formatter: (p: { dataIndex: number }) => nirRows[p.dataIndex].valuePublished ?? "" } }],
        },
        columns: [
          { label: "Year", value: (x) => x.year },
          { label: "Percent", value: (x) => x.percent, numeric: true },
          { label: "Published", value: (x) => x.valuePublished },
          { label: "Qualifier", value: (x) => x.qualifier },
          { label: "Edition", value: (x) => x.edition },
        ],
        rows: nirRows,
      });
    } else {
      nir.hide();
    }

    if (compare.rows.length > 0) {
      const share = compare.statistic === "import-share";
      imports.show({
        note: `${share ? `USGS: share of US imports, ${compare.period}` : `USGS lists its major import sources (${compare.period}) without shares: rank in the table`}; `
          + `UN Comtrade: the partner's share of US imports in ${sourcesYear} (partner rows, shared HS codes left out). USGS's "Other countries" has no Comtrade counterpart.`,
        source: `${sources.usgs(compare.edition)} (/api/salient); ${sources.comtrade("the US", "reported", "M")} (/api/trade/partners)`,
        sample: compare.rows.some((r) => r.comtradeSample),
        option: {
          tooltip: { trigger: "axis", valueFormatter: (v: unknown) => fmt.pct(v as number) },
          legend: { top: 0 },
          grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
          yAxis: { type: "category", inverse: true, data: compare.rows.map((r) => r.name) },
          xAxis: { type: "value", name: "%", max: 100 },
          series: [
            ...(share ? [{ type: "bar", id: "usgs", name: `USGS ${compare.period}`, data: compare.rows.map((r) => r.usgsPercent) }] : []),
            { type: "bar", id: "comtrade", name: `UN Comtrade ${sourcesYear}`, data: compare.rows.map((r) => r.comtradePercent) },
          ],
        },
        columns: [
          { label: "Partner", value: (x) => x.name },
          { label: "ISO3", value: (x) => x.key },
          { label: "USGS %", value: (x) => x.usgsPercent, format: (x) => fmt.pct(x.usgsPercent, 0), numeric: true },
          { label: "USGS rank", value: (x) => x.usgsRank, numeric: true },
          { label: "USGS published", value: (x) => x.usgsPublished },
          { label: "Comtrade %", value: (x) => x.comtradePercent, format: (x) => fmt.pct(x.comtradePercent), numeric: true },
          { label: "Comtrade sample", value: (x) => x.comtradeSample, format: (x) => (x.comtradeSample ? "sample" : ""), sample: true },
        ],
        rows: compare.rows,
      });
    } else {
      imports.hide();
    }
  });

  mineral.addEventListener("change", () => {
    // Another mineral: its newest edition and its own countries, unless the URL names them.
    store.update({ mineral: mineral.value, edition: undefined, country: undefined }, "push");
    void load();
  });
  for (const [key, el] of [["edition", edition], ["country", country], ["measure", measure]] as const) {
    el.addEventListener("change", () => {
      store.update({ [key]: el.value, ...(key === "measure" ? { country: undefined } : {}) }, "push");
      void load();
    });
  }
  return load;
}
