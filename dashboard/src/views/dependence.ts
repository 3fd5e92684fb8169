// Dependence: a country's trade by partner over the feed's years, as it reports it or as its partners report it
// (the mirror), with China's share, HHI, US-FTA and MSP shares and the export controls of the policy register.
import { api, ApiError } from "../api";
import { card } from "../card";
import * as meta from "../meta";
import { dependence, type DependenceRow, type YearRow } from "../shape/dependence";
import * as sources from "../sources";
import { DEFAULTS, type Key } from "../state";
import * as store from "../store";
import type { IndicatorList } from "../types";
import { fmt, frame, keyedLoad, options, picker, sampleColumn } from "../view";

const KEYS: Key[] = ["reporter", "source", "flow", "mineral"];

export function dependenceView(panel: HTMLElement): () => Promise<void> {
  const f = frame(panel);
  const reporter = picker(f.controls, "Reporter", "reporter");
  const source = picker(f.controls, "Figures", "source");
  const flow = picker(f.controls, "Flow", "flow");
  const mineral = picker(f.controls, "Mineral", "mineral");
  const partners = card<DependenceRow>("dependence-sources", "Trade by partner, year by year", "trade-by-partner.csv");
  const lines = card<YearRow>("dependence-lines", "Concentration and partner-group shares", "trade-concentration.csv");
  f.body.append(partners.element, lines.element);

  const load = keyedLoad(f, KEYS, async (current) => {
    const [coverage, minerals, names] = await Promise.all([meta.coverage(), meta.minerals(), meta.names()]);
    if (!current()) return;
    const s = store.get();
    const r = options(reporter, coverage.items.map((i) => [i.reporter, names.get(i.reporter) ?? i.reporter]), s.reporter, DEFAULTS.reporter);
    const item = coverage.items.find((i) => i.reporter === r);
    const src = options(source, (item?.sources ?? []).map((x) => [x, x === "reported" ? "As it reports them" : "As its partners report them (mirror)"]),
      s.source, DEFAULTS.source) as "reported" | "mirror";
    const fl = options(flow, [["M", "Imports"], ["X", "Exports"]], s.flow, DEFAULTS.flow) as "M" | "X";
    const m = options(mineral, [...minerals.items].sort((a, b) => a.name.localeCompare(b.name)).map((x) => [x.id, x.name]), s.mineral, DEFAULTS.mineral);
    store.update({ reporter: r, source: src, flow: fl, mineral: m }, "replace");
    const years = coverage.years;
    const reporterName = names.get(r) ?? r;
    const mineralName = minerals.items.find((x) => x.id === m)?.name ?? m;
    // US-FTA and MSP shares are computed on the reporter's own import figures (/api/indicators), so only beside those.
    const withGroups = src === "reported" && fl === "M";
    const [shares, indicators, events] = await Promise.all([
      Promise.all(years.map((y) => api("/trade/partners", { query: { reporter: r, mineral: m, flow: fl, year: y, source: src } }))),
      Promise.all(years.map((y) => (withGroups
        ? api("/indicators", { query: { reporter: r, year: y, mineral: m } }).catch((e): IndicatorList | null => {
          // Indicators answer 503 until computed (404 for a reporter they are not computed for): the trade chart stands alone.
          if (e instanceof ApiError && (e.status === 503 || e.status === 404)) return null;
          throw e;
        })
        : Promise.resolve(null)))),
      api("/events", { query: { mineral: m } }),
    ]);
    if (!current()) return;
    const d = dependence(shares, indicators, events, m);
    const what = fl === "M" ? "imports" : "exports";
    if (d.empty) {
      return f.setState("empty", `No ${mineralName.toLowerCase()} ${what} of ${reporterName} in ${years[0]}–${years.at(-1)} (${src === "mirror" ? "as its partners report them" : "as it reports them"}).`);
    }
    f.setState("ready");
    f.banner(d.containsSample);
    const origin = sources.comtrade(reporterName, src, fl, src === "mirror" ? d.declarers : []);
    const marks = d.markers.length === 0
      ? " No export control on this mineral in these years."
      : ` Dashed lines: ${d.markers.map((mk) => `${mk.date} ${mk.title} (${mk.status})`).join("; ")}.`;
    partners.show({
      note: `${reporterName}'s ${mineralName.toLowerCase()} ${what} by ${src === "mirror" ? "declaring partner" : "partner"}, USD per year `
        + `(shared HS codes left out; a year summed from twelve months is marked in the table).${marks}`,
      source: `${origin}; export controls from ${sources.register}`,
      sample: d.containsSample,
      option: {
        tooltip: { trigger: "axis", valueFormatter: (v: unknown) => fmt.usd(v as number) },
        legend: { type: "scroll", top: 0 },
        grid: { left: 8, right: 16, top: 56, bottom: 8, containLabel: true },
        xAxis: { type: "category", data: d.years },
        yAxis: { type: "value", name: "USD", axisLabel: { formatter: (v: number) => `${v / 1e6}M` } },
        series: d.partners.map((p, i) => ({
          type: "bar", stack: "trade", name: p.isSample ? `${p.name} (sample)` : p.name, id: p.key, data: p.values,
          ...(i === 0 && d.markers.length > 0 ? {
            markLine: {
              symbol: "none", lineStyle: { color: "#a4000f", type: "dashed" },
              // The date on the line; the titles are in the caption, which stays readable at phone width.
              label: { formatter: (x: { name: string }) => x.name.slice(0, 10), position: "end", fontSize: 10, color: "#a4000f" },
              data: d.markers.map((mk) => ({ xAxis: mk.year, name: `${mk.date} ${mk.title} (${mk.status})` })),
            },
          } : {}),
        })),
      },
      columns: [
        { label: "Year", value: (x) => x.year },
        { label: "Partner", value: (x) => x.partner },
        { label: "Partner name", value: (x) => x.partnerName },
        { label: "Value USD", value: (x) => x.valueUsd, format: (x) => fmt.usd(x.valueUsd), numeric: true },
        { label: "Share %", value: (x) => x.sharePercent, format: (x) => fmt.pct(x.sharePercent), numeric: true },
        { label: "Summed from months", value: (x) => x.fromMonths, format: (x) => (x.fromMonths ? "yes" : "") },
        sampleColumn(),
      ],
      rows: d.rows,
    });
    lines.show({
      note: withGroups
        ? "China's share and the HHI (0–10,000, right axis) of the value; US-FTA and MSP partners' shares from /api/indicators (memberships on 1 July of each year)."
        : `China's share and the HHI (0–10,000, right axis) of the value. US-FTA and MSP shares are computed on a country's own import declarations only (choose "As it reports them" and Imports).`,
      source: origin,
      sample: d.containsSample,
      option: {
        tooltip: { trigger: "axis" },
        legend: { top: 0 },
        grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
        xAxis: { type: "category", data: d.years },
        yAxis: [{ type: "value", name: "%", max: 100 }, { type: "value", name: "HHI", max: 10000, splitLine: { show: false } }],
        series: [
          { type: "line", id: "china", name: "China share %", data: d.lines.map((x) => x.chinaSharePercent) },
          ...(withGroups ? [
            { type: "line", id: "usfta", name: "US-FTA share %", data: d.lines.map((x) => x.usftaSharePercent) },
            { type: "line", id: "msp", name: "MSP share %", data: d.lines.map((x) => x.mspSharePercent) },
          ] : []),
          { type: "line", id: "hhi", name: "HHI", yAxisIndex: 1, lineStyle: { type: "dashed" }, data: d.lines.map((x) => x.hhi) },
        ],
      },
      columns: [
        { label: "Year", value: (x) => x.year },
        { label: "China share %", value: (x) => x.chinaSharePercent, format: (x) => fmt.pct(x.chinaSharePercent), numeric: true },
        { label: "HHI", value: (x) => x.hhi, format: (x) => fmt.num(x.hhi), numeric: true },
        ...(withGroups ? [
          { label: "US-FTA share %", value: (x: YearRow) => x.usftaSharePercent, format: (x: YearRow) => fmt.pct(x.usftaSharePercent), numeric: true },
          { label: "MSP share %", value: (x: YearRow) => x.mspSharePercent, format: (x: YearRow) => fmt.pct(x.mspSharePercent), numeric: true },
        ] : []),
        sampleColumn(),
      ],
      rows: d.lines,
    });
  });

  const choose = (key: Key, el: HTMLSelectElement) => el.addEventListener("change", () => {
    store.update({ [key]: el.value }, "push");
    void load();
  });
  choose("reporter", reporter);
  choose("source", source);
  choose("flow", flow);
  choose("mineral", mineral);
  return load;
}
