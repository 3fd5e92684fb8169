// Overlap: India's list and a US list side by side, counted as published, by group and by element.
import { api } from "../api";
import { card } from "../card";
import * as meta from "../meta";
import { listsOf, overlap, type OverlapRow } from "../shape/overlap";
import type { Key } from "../state";
import * as store from "../store";
import { frame, keyedLoad, options, picker, sampleColumn } from "../view";

const KEYS: Key[] = ["list"];
const SOURCE = "the catalog's critical-mineral lists as their governments published them (/api/minerals; data/catalog)";

export function overlapView(panel: HTMLElement): () => Promise<void> {
  const f = frame(panel);
  const us = picker(f.controls, "US list", "us-list");
  const counts = card<{ label: string; count: number }>("overlap-counts", "How many minerals", "list-overlap-counts.csv");
  const lists = card<OverlapRow>("overlap-lists", "Lists side by side", "lists-side-by-side.csv");
  f.body.append(counts.element, lists.element);

  const load = keyedLoad(f, KEYS, async (current) => {
    const all = await meta.minerals();
    if (!current()) return;
    const india = listsOf(all, "IN").at(-1);
    const usLists = listsOf(all, "US").reverse();
    const u = options(us, usLists.map((l) => [l, l]), store.get().list, usLists[0]);
    store.update({ list: u || undefined }, "replace");
    if (!india || !u) return f.setState("empty", "The catalog has no Indian or no US list.");
    const [indiaList, usList, commonGroup, commonElement] = await Promise.all([
      api("/minerals", { query: { lists: india, limit: 1000 } }),
      api("/minerals", { query: { lists: u, limit: 1000 } }),
      api("/minerals", { query: { lists: `${india},${u}`, counting: "group", limit: 1000 } }),
      api("/minerals", { query: { lists: `${india},${u}`, counting: "element", limit: 1000 } }),
    ]);
    if (!current()) return;
    const o = overlap(india, u, { india: indiaList, us: usList, commonGroup, commonElement }, all);
    f.setState("ready");
    f.banner(o.containsSample);
    counts.show({
      note: `${india} and ${u} as published, and the minerals on both: group counting (REE and PGE count once) and element counting.`,
      source: SOURCE,
      sample: o.containsSample,
      option: {
        tooltip: { trigger: "axis" },
        grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
        yAxis: { type: "category", inverse: true, data: o.counts.map((c) => c.label) },
        xAxis: { type: "value" },
        series: [{ type: "bar", id: "count", name: "Minerals", data: o.counts.map((c) => c.count), label: { show: true, position: "right" } }],
      },
      columns: [
        { label: "Count", value: (x) => x.label },
        { label: "Minerals", value: (x) => x.count, numeric: true },
      ],
      rows: o.counts,
    });
    // A chart of which list each mineral is on would repeat the table; this card's chart shows the split instead.
    const split = [
      { name: `${india} only`, value: o.rows.filter((r) => r.india && !r.us).length },
      { name: "On both", value: o.rows.filter((r) => r.onBoth).length },
      { name: `${u} only`, value: o.rows.filter((r) => r.us && !r.india).length },
    ];
    lists.show({
      note: "Each mineral on either list and the published entries that put it there; minerals on both first. The bar splits them.",
      source: SOURCE,
      sample: o.containsSample,
      option: {
        tooltip: { trigger: "item" },
        legend: { top: 0 },
        grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
        yAxis: { type: "category", data: ["Catalog minerals"], show: false },
        xAxis: { type: "value", max: split.reduce((n, x) => n + x.value, 0) },
        series: split.map((x, i) => ({
          type: "bar", stack: "split", id: `split-${i}`, name: x.name, data: [x.value], barWidth: 48,
          label: { show: true, formatter: "{a}: {c}" },
        })),
      },
      columns: [
        { label: "Mineral", value: (x) => x.name },
        { label: "Id", value: (x) => x.id },
        { label: `${india} entries`, value: (x) => x.india },
        { label: `${u} entries`, value: (x) => x.us },
        { label: "On both", value: (x) => x.onBoth, format: (x) => (x.onBoth ? "yes" : "") },
        sampleColumn(),
      ],
      rows: o.rows,
    });
  });

  us.addEventListener("change", () => {
    store.update({ list: us.value }, "push");
    void load();
  });
  return load;
}
