// India's list and a US list side by side (the overlap view): pure functions, unit-tested in overlap.test.ts.
import type { MineralList } from "../types";

export interface OverlapRow {
  id: string;
  name: string;
  india: string;
  us: string;
  onBoth: boolean;
  isSample: boolean;
}

export interface Overlap {
  indiaList: string;
  usList: string;
  counts: { label: string; count: number }[];
  rows: OverlapRow[];
  containsSample: boolean;
}

/** The catalog's lists by country prefix (IN…, US…), newest id last: what the pickers offer. */
export function listsOf(all: MineralList, prefix: string): string[] {
  return (all.lists ?? []).filter((l) => l.toUpperCase().startsWith(prefix)).sort();
}

/**
 * India and US lists side by side. Counts come from the API's own `count` (as published for one list, and the
 * common minerals under group and element counting); rows from the catalog's every-mineral answer.
 */
export function overlap(
  indiaList: string, usList: string,
  counts: { india: MineralList; us: MineralList; commonGroup: MineralList; commonElement: MineralList },
  all: MineralList,
): Overlap {
  const as = (m: { listed: { list: string; as: string[] }[] }, list: string) =>
    m.listed.find((l) => l.list.toUpperCase() === list.toUpperCase())?.as.join("; ") ?? "";
  const rows = all.items
    .map((m) => ({ id: m.id, name: m.name, india: as(m, indiaList), us: as(m, usList), isSample: m.isSample }))
    .filter((r) => r.india !== "" || r.us !== "")
    .map((r) => ({ ...r, onBoth: r.india !== "" && r.us !== "" }))
    .sort((a, b) => Number(b.onBoth) - Number(a.onBoth) || a.name.localeCompare(b.name));
  return {
    indiaList,
    usList,
    counts: [
      { label: `${indiaList} as published`, count: counts.india.count },
      { label: `${usList} as published`, count: counts.us.count },
      { label: "On both, group counting", count: counts.commonGroup.count },
      { label: "On both, element counting", count: counts.commonElement.count },
    ],
    rows,
    containsSample: [counts.india, counts.us, counts.commonGroup, counts.commonElement, all].some((l) => l.isSample),
  };
}
