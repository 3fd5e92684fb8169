import { describe, expect, it } from "vitest";
import { reservesItem as item, reservesList, salientItem, salientList, share } from "./fixtures";
import { importSources, ranked, rankedBars, reliance, revisions, seriesLines } from "./reserves";
import type { ReservesSeries } from "../types";

describe("ranked", () => {
  const list = reservesList([
    item("reserves", 2023, "AUS", 30, { rank: 2 }),
    item("reserves", 2023, "CHL", 50, { rank: 1 }),
    item("reserves", 2023, "USA", null),
    item("reserves", 2023, "WORLD", 100),
    item("mine-production", 2022, "AUS", 5, { rank: 1 }),
    item("mine-production", 2023, "AUS", 8, { rank: 1 }),
  ]);

  it("keeps the latest year, named countries by rank, the World total apart, memberships joined", () => {
    const r = ranked(list, "reserves", [{ iso3: "AUS", name: "Australia", comtradeCode: 36, m49: 36, usgsNames: [], memberships: ["MSP", "QUAD", "USFTA"], isSample: false, membershipHistory: [] }]);
    expect(r.year).toBe(2023);
    expect(r.product).toBe("main");
    expect(r.worldTons).toBe(100);
    expect(r.rows.map((x) => [x.country, x.valueTons, x.qualifier, x.memberships])).toEqual([
      ["CHL", 50, "exact", ""],
      ["AUS", 30, "exact", "MSP QUAD USFTA"],
      ["USA", null, "withheld", ""],
    ]);
    expect(rankedBars(r).map((b) => b.country)).toEqual(["CHL", "AUS"]);
    expect(ranked(list, "mine-production", []).rows.map((x) => x.valueTons)).toEqual([8]);
  });

  it("takes the first product when the measure has no main product", () => {
    const r = ranked(reservesList([item("mine-production", 2024, "CHN", 7, { product: "bauxite" })]), "mine-production", []);
    expect(r.product).toBe("bauxite");
    expect(r.rows).toHaveLength(1);
  });

  it("returns no rows for a measure that is not stored", () => {
    expect(ranked(list, "capacity", []).rows).toEqual([]);
  });
});

describe("seriesLines and revisions", () => {
  const series: ReservesSeries = {
    mineral: "lithium", country: "AUS", measure: "mine-production", product: "main", count: 4, continuation: "",
    items: [
      { year: 2024, edition: "MCS2026", newest: true, valueTons: 82700, qualifier: "estimated", valuePublished: "82,700", isSample: false },
      { year: 2025, edition: "MCS2026", newest: true, valueTons: 92000, qualifier: "estimated", valuePublished: "92,000", isSample: false },
      { year: 2023, edition: "MCS2025", newest: true, valueTons: 91700, qualifier: "exact", valuePublished: "91700", isSample: false },
      { year: 2024, edition: "MCS2025", newest: false, valueTons: 88000, qualifier: "estimated", valuePublished: "88000", isSample: false },
    ] as ReservesSeries["items"],
  } as ReservesSeries;

  it("puts each edition on its own line over the union of years, so a revision shows beside the figure it revised", () => {
    const { years, lines } = seriesLines(series);
    expect(years).toEqual([2023, 2024, 2025]);
    expect(lines).toEqual([
      { edition: "MCS2026", values: [null, 82700, 92000] },
      { edition: "MCS2025", values: [91700, 88000, null] },
    ]);
  });

  it("lists a year whose figure a later edition changed", () => {
    expect(revisions(series)).toEqual([{ year: 2024, from: "MCS2025", fromTons: 88000, to: "MCS2026", toTons: 82700 }]);
  });
});

describe("reliance", () => {
  it("gives the main product's net import reliance by year, bounds as published", () => {
    const rows = reliance(salientList([
      salientItem({ year: 2024, value: 50, qualifier: "lower bound", valuePublished: ">50" }),
      salientItem({ year: 2023, value: 100, valuePublished: "100" }),
      salientItem({ year: 2023, value: 10, valuePublished: "10", product: "flake" }),
      salientItem({ year: 2023, statistic: "imports", value: 5 }),
    ]));
    expect(rows.map((r) => [r.year, r.percent, r.qualifier, r.valuePublished])).toEqual([[2023, 100, "exact", "100"], [2024, 50, "lower bound", ">50"]]);
  });
});

describe("importSources", () => {
  const src = (partnerIso3: string | null, partner: string, value: number | null, extra = {}) =>
    salientItem({ kind: "import-source", statistic: "import-share", period: "2021–24", partnerIso3, partnerKey: partnerIso3, partner, value, valuePublished: String(value), ...extra });

  it("puts USGS's shares beside Comtrade's for the same partners; Other countries has no counterpart", () => {
    const c = importSources(
      salientList([src("CHN", "China", 46), src(null, "Other countries", 16), src("CAN", "Canada", 13)]),
      share(2024, [["CHN", 60, false], ["CAN", 30, true], ["MEX", 10, true]]),
    );
    expect(c.statistic).toBe("import-share");
    expect(c.period).toBe("2021–24");
    expect(c.rows.map((r) => [r.key, r.usgsPercent, r.comtradePercent, r.comtradeSample])).toEqual([
      ["CHN", 46, 60, false],
      ["Other countries", 16, null, false],
      ["CAN", 13, 30, true],
    ]);
  });

  it("falls back to USGS's ranked list (no shares) and the newest edition that has it", () => {
    const c = importSources(salientList([
      src("CHN", "China", null, { statistic: "import-rank", rank: 1, edition: "MCS2024" }),
      src("ARG", "Argentina", null, { statistic: "import-rank", rank: 1, edition: "MCS2025" }),
    ]), null);
    expect(c.statistic).toBe("import-rank");
    expect(c.edition).toBe("MCS2025");
    expect(c.rows.map((r) => [r.key, r.usgsRank, r.usgsPercent])).toEqual([["ARG", 1, null]]);
  });
});
