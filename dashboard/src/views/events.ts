// Event study: choose a control from the policy register and a partner; the monthly trade of the measure's country
// with that partner around the date it took effect (in-force date and status changes marked), the same months a year
// earlier as a seasonal baseline, and the before/after windows with unit values — all from /api/events/{id}/impact.
import { api } from "../api";
import { card } from "../card";
import * as meta from "../meta";
import { defaultEvent, markers, studyLine, windows } from "../shape/events";
import * as sources from "../sources";
import { DEFAULTS, type Key } from "../state";
import * as store from "../store";
import type { ImpactWindow, PartnerShares } from "../types";
import { fmt, frame, keyedLoad, options, picker } from "../view";

const KEYS: Key[] = ["event", "mineral", "partner", "months"];
const MONTHS = ["3", "6", "12", "24"];

interface MonthRow {
  month: string;
  valueUsd: number | null;
  baselineUsd: number | null;
  unitValueUsdPerKg: number | null;
}

const change = (v: number | null) => (v === null ? "—" : `${v > 0 ? "+" : ""}${v.toFixed(1)}%`);

export function eventsView(panel: HTMLElement): () => Promise<void> {
  const f = frame(panel);
  const event = picker(f.controls, "Control", "event");
  const mineral = picker(f.controls, "Mineral", "event-mineral");
  const partner = picker(f.controls, "Partner", "partner");
  const months = picker(f.controls, "Months each side", "months");
  const line = card<MonthRow>("events-monthly", "Monthly trade around the measure", "event-study-monthly.csv");
  const bars = card<ImpactWindow>("events-windows", "Before and after, with the seasonal baseline", "event-study-windows.csv");
  const facts = document.createElement("article");
  facts.className = "card";
  facts.dataset.card = "events-facts";
  facts.innerHTML = `<h2>The measure</h2><dl class="facts"></dl>`;
  f.body.append(line.element, bars.element, facts);

  const load = keyedLoad(f, KEYS, async (current) => {
    const [register, minerals, names, coverage] = await Promise.all([meta.events(), meta.minerals(), meta.names(), meta.coverage()]);
    if (!current()) return;
    const s = store.get();
    // Controls that name a mineral (a study needs one) and took effect or were announced, newest last.
    const list = register.items.filter((e) => e.minerals.length > 0).sort((a, b) => a.date.localeCompare(b.date));
    const reporters = coverage.items.filter((i) => i.sources.includes("reported") && i.frequencies.includes("M")).map((i) => i.reporter);
    const id = options(event, list.map((e) => [e.id, `${e.date} ${e.title}`]), s.event, defaultEvent(list, [s.mineral, DEFAULTS.mineral], reporters)?.id);
    const e = list.find((x) => x.id === id);
    if (!e) return f.setState("empty", "The policy register names no measure on a mineral.");
    const catalog = new Set(minerals.items.map((m) => m.id));
    const m = options(mineral, e.minerals.filter((x) => catalog.has(x)).map((x) => [x, minerals.items.find((y) => y.id === x)?.name ?? x]), s.mineral, DEFAULTS.mineral);
    const n = options(months, MONTHS.map((v) => [v, v]), s.months, "6");
    // The measure's country reports the trade (its exports, the route's default flow); partners: those it traded
    // with in the year the measure took effect (or the year before), by value.
    const year = Number(e.date.slice(0, 4));
    let trading: PartnerShares | null = null;
    for (const y of [year, year - 1]) {
      trading = await api("/trade/partners", { query: { reporter: e.country, mineral: m, flow: "X", year: y } });
      if (trading.items.length > 0) break;
    }
    if (!current()) return;
    const partnerItems = (trading?.items ?? []).map((p) => [p.partner ?? String(p.partnerCode), p.partnerName] as [string, string]);
    const p = options(partner, partnerItems, s.partner, DEFAULTS.partner);
    store.update({ event: id, mineral: m || undefined, partner: p || undefined, months: n }, "replace");
    const country = names.get(e.country) ?? e.country;
    const mineralName = minerals.items.find((x) => x.id === m)?.name ?? m;
    if (!m || !p) {
      return f.setState("empty", `No ${mineralName.toLowerCase()} exports of ${country} are stored for ${year - 1}–${year}: no partner to study.`);
    }
    const impact = await api("/events/{id}/impact", { path: { id }, query: { reporter: e.country, partner: p, mineral: m, months: Number(n) } });
    if (!current()) return;
    const partnerName = names.get(p) ?? trading?.items.find((x) => x.partner === p)?.partnerName ?? p;
    const l = studyLine(impact);
    const marks = markers(impact, e, l.months);
    const w = windows(impact);
    f.setState("ready");
    f.banner(impact.containsSample);
    const flowWords = impact.flow === "X" ? `exports to ${partnerName}` : `imports from ${partnerName}`;
    const origin = `${sources.comtrade(country, "reported", impact.flow)}, monthly; HS ${impact.hsCodes.join(", ")} (${impact.hsBasis})`
      + `; measure and status history from ${sources.register}`;
    const partial = impact.hsMappingPartial.length > 0
      ? ` HS ${impact.hsMappingPartial.join(", ")} ${impact.hsMappingPartial.length === 1 ? "is" : "are"} controlled only in part: the series also holds goods the measure does not cover.`
      : "";
    const missing = w.flatMap((x) => x.missingMonths);
    line.show({
      note: `${country}'s ${mineralName.toLowerCase()} ${flowWords}, USD per month, ${n} months each side of ${impact.referenceMonth} `
        + `(${impact.referenceBasis}); dashed: the same month a year earlier. Red lines: ${marks.map((x) => `${x.month} ${x.label}`).join("; ")}.`
        + (missing.length > 0 ? ` Months without rows (gaps, never zero): ${missing.join(", ")}.` : "") + partial,
      source: origin,
      sample: impact.containsSample,
      option: {
        tooltip: { trigger: "axis", valueFormatter: (v: unknown) => fmt.usd(v as number) },
        legend: { top: 0 },
        grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
        xAxis: { type: "category", data: l.months },
        yAxis: { type: "value", name: "USD", axisLabel: { formatter: (v: number) => `${v / 1e6}M` } },
        series: [
          {
            type: "line", id: "value", name: "Value", data: l.values, connectNulls: false,
            markLine: {
              symbol: "none", lineStyle: { color: "#a4000f", type: "solid" },
              label: { formatter: (x: { value: string }) => x.value, position: "end", fontSize: 10, color: "#a4000f" },
              data: marks.map((x) => ({ xAxis: x.month, name: x.label })),
            },
            markArea: { silent: true, itemStyle: { color: "rgba(164,0,15,0.06)" }, data: [[{ xAxis: impact.referenceMonth }, { xAxis: l.months.at(-1) }]] },
          },
          { type: "line", id: "baseline", name: "A year earlier", data: l.baseline, connectNulls: false, lineStyle: { type: "dashed" } },
        ],
      },
      columns: [
        { label: "Month", value: (x) => x.month },
        { label: "Value USD", value: (x) => x.valueUsd, format: (x) => fmt.usd(x.valueUsd), numeric: true },
        { label: "A year earlier USD", value: (x) => x.baselineUsd, format: (x) => fmt.usd(x.baselineUsd), numeric: true },
        { label: "Unit value USD/kg", value: (x) => x.unitValueUsdPerKg, format: (x) => fmt.num(x.unitValueUsdPerKg, 3), numeric: true },
      ],
      rows: l.months.map((month, i) => ({ month, valueUsd: l.values[i], baselineUsd: l.baseline[i], unitValueUsdPerKg: l.unitValues[i] })),
    });
    bars.show({
      note: `Mean value per month with data in each window (bars) and the unit value (line, right axis). After vs before: value ${change(impact.change.valuePercent)}, `
        + `unit value ${change(impact.change.unitValuePercent)}; the same months a year earlier: value ${change(impact.baselineChange.valuePercent)}; `
        + `after vs a year earlier: value ${change(impact.yearOnYearChange.valuePercent)}.`,
      source: origin,
      sample: impact.containsSample,
      option: {
        tooltip: { trigger: "axis" },
        legend: { top: 0 },
        grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
        xAxis: { type: "category", data: w.map((x) => `${x.window}\n${x.from}–${x.to}`), axisLabel: { interval: 0, fontSize: 10, lineHeight: 14 } },
        yAxis: [
          { type: "value", name: "USD/month", axisLabel: { formatter: (v: number) => `${v / 1e6}M` } },
          { type: "value", name: "USD/kg", splitLine: { show: false } },
        ],
        series: [
          { type: "bar", id: "perMonth", name: "Value per month", data: w.map((x) => x.valueUsdPerMonth) },
          { type: "line", id: "unitValue", name: "Unit value USD/kg", yAxisIndex: 1, data: w.map((x) => x.unitValueUsdPerKg) },
        ],
      },
      columns: [
        { label: "Window", value: (x) => x.window },
        { label: "From", value: (x) => x.from },
        { label: "To", value: (x) => x.to },
        { label: "Months with data", value: (x) => x.monthsWithData, numeric: true },
        { label: "Missing months", value: (x) => x.missingMonths.join(" ") },
        { label: "Value USD", value: (x) => x.valueUsd, format: (x) => fmt.usd(x.valueUsd), numeric: true },
        { label: "Value per month USD", value: (x) => x.valueUsdPerMonth, format: (x) => fmt.usd(x.valueUsdPerMonth), numeric: true },
        { label: "Net weight kg", value: (x) => x.netWeightKg, format: (x) => fmt.num(x.netWeightKg), numeric: true },
        { label: "Unit value USD/kg", value: (x) => x.unitValueUsdPerKg, format: (x) => fmt.num(x.unitValueUsdPerKg, 3), numeric: true },
      ],
      rows: w,
    });
    const dl = facts.querySelector("dl")!;
    dl.replaceChildren();
    const fact = (term: string, text: string) => {
      const dt = document.createElement("dt");
      dt.textContent = term;
      const dd = document.createElement("dd");
      dd.textContent = text;
      dl.append(dt, dd);
    };
    fact("Instrument", `${e.instrument.number}: ${e.instrument.title}`);
    fact("Announced / in force", `${e.announced ?? "—"} / ${e.tookEffect ? e.inForce : `never took effect (scheduled ${e.inForce})`}`);
    fact("Status history", e.statusHistory.map((x) => `${x.status} from ${x.from}${x.until ? ` until ${x.until}` : ""}${x.part ? ` (${x.part})` : ""}`).join("; "));
    fact("Scope", e.scope);
    fact("Source", e.sourceText);
  });

  event.addEventListener("change", () => {
    // A new control: its own mineral and partners are resolved afresh.
    store.update({ event: event.value, partner: store.get().partner }, "push");
    void load();
  });
  for (const [key, el] of [["mineral", mineral], ["partner", partner], ["months", months]] as const) {
    el.addEventListener("change", () => {
      store.update({ [key]: el.value }, "push");
      void load();
    });
  }
  return load;
}
