import { describe, expect, it } from "vitest";
import { dependence, feeds, overlap, ranked, rankedBars, seriesLines } from "./shape";
import { toCsv, type Column } from "./table";
import type { IndicatorList, MineralList, PartnerShares, PolicyEvent, ReservesItem, ReservesList, ReservesSeries } from "./types";

const share = (year: number, items: [string, number, boolean][], extra: Partial<PartnerShares> = {}): PartnerShares => {
  const total = items.reduce((s, [, v]) => s + v, 0);
  return {
    reporter: "IND", mineral: "lithium", flow: "M", year, partnerCount: items.length,
    chinaSharePercent: total === 0 ? null : ((items.find(([p]) => p === "CHN")?.[1] ?? 0) / total) * 100,
    hhi: 0, containsSample: items.some(([, , s]) => s),
    items: items.map(([partner, valueUsd, isSample], i) => ({
      rank: i + 1, partnerCode: i, partner, partnerName: partner, valueUsd, sharePercent: (valueUsd / total) * 100, isSample,
    })),
    ...extra,
  };
};

const indicators = (year: number, usfta: number, msp: number): IndicatorList => ({
  reporter: "IND", year, containsSample: false,
  items: [{ scope: "IND", mineral: "lithium", year, isSample: false,
    imports: { chinaSharePercent: 0, hhi: 0, usftaSharePercent: usfta, mspSharePercent: msp, isSample: false } }],
});

const event = (id: string, date: string, minerals: string[], title: string, status: string | null): PolicyEvent => ({
  id, date, country: "CHN", minerals, title, kind: "licensing", status, statusOn: "2026-11-28",
  instrument: { number: "No. 1", title: "t" }, confirmed: true,
});

describe("dependence", () => {
  it("makes one series per partner, largest total first, null where a partner is absent", () => {
    const d = dependence(
      [share(2021, [["CHN", 30, false], ["CHL", 10, true]]), share(2020, [["CHL", 50, true]])],
      [indicators(2020, 40, 5), null],
      { items: [
        event("a", "2021-08-01", ["lithium"], "A", "partly-in-force"),
        event("b", "2019-01-01", ["lithium"], "too early", "in-force"),
        event("c", "2021-01-01", ["gallium"], "other mineral", "in-force"),
        event("d", "2021-10-09", ["lithium"], "D", null),
      ] },
      "lithium",
    );
    expect(d.years).toEqual(["2020", "2021"]);
    expect(d.partners.map((p) => [p.key, p.values, p.isSample])).toEqual([
      ["CHL", [50, 10], true],
      ["CHN", [null, 30], false],
    ]);
    expect(d.lines.map((l) => [l.year, l.chinaSharePercent, l.usftaSharePercent, l.mspSharePercent])).toEqual([
      [2020, 0, 40, 5],
      [2021, 75, null, null],
    ]);
    expect(d.markers).toEqual([
      { year: "2021", date: "2021-08-01", title: "A", status: "partly in force" },
      { year: "2021", date: "2021-10-09", title: "D", status: "status unknown after the sources' dates" },
    ]);
    expect(d.rows).toHaveLength(3);
    expect(d.containsSample).toBe(true);
    expect(d.empty).toBe(false);
  });

  it("is empty when no year has partner rows", () => {
    const d = dependence([share(2020, [])], [], null, "lithium");
    expect(d.empty).toBe(true);
    expect(d.lines[0].chinaSharePercent).toBeNull();
  });
});

const item = (measure: string, year: number, key: string, tons: number | null, extra: Partial<ReservesItem> = {}): ReservesItem => ({
  edition: "MCS2024", measure, product: "main", year, countryKey: key, iso3: key.length === 3 ? key : null, country: key,
  isAggregate: key === "WORLD" || key === "OTHERS", valueTons: tons, qualifier: tons === null ? "withheld" : "exact",
  valuePublished: tons === null ? "W" : String(tons), basis: "lithium content", shareOfWorld: tons === null ? null : tons / 100,
  rank: null, worldTotalExcludes: null, isSample: false, ...extra,
});

describe("ranked", () => {
  const list: ReservesList = {
    mineral: "lithium", mineralName: "Lithium", edition: "MCS2024", editionSelection: null, editions: null, unit: "t", isSample: false,
    items: [
      item("reserves", 2023, "AUS", 30, { rank: 2 }),
      item("reserves", 2023, "CHL", 50, { rank: 1 }),
      item("reserves", 2023, "USA", null),
      item("reserves", 2023, "WORLD", 100),
      item("mine-production", 2022, "AUS", 5, { rank: 1 }),
      item("mine-production", 2023, "AUS", 8, { rank: 1 }),
    ],
  };

  it("keeps the latest year, named countries by rank, the World total apart, memberships joined", () => {
    const r = ranked(list, "reserves", [{ iso3: "AUS", name: "Australia", memberships: ["MSP", "QUAD", "USFTA"], isSample: false }]);
    expect(r.year).toBe(2023);
    expect(r.worldTons).toBe(100);
    expect(r.rows.map((x) => [x.country, x.valueTons, x.qualifier, x.memberships])).toEqual([
      ["CHL", 50, "exact", ""],
      ["AUS", 30, "exact", "MSP QUAD USFTA"],
      ["USA", null, "withheld", ""],
    ]);
    expect(rankedBars(r).map((b) => b.country)).toEqual(["CHL", "AUS"]);
    expect(ranked(list, "mine-production", []).rows.map((x) => x.valueTons)).toEqual([8]);
  });

  it("returns no rows for a measure that is not stored", () => {
    expect(ranked(list, "capacity", []).rows).toEqual([]);
  });
});

describe("overlap", () => {
  const ml = (count: number, items: MineralList["items"] = [], isSample = false): MineralList => ({ lists: null, counting: null, isSample, count, items });
  it("uses the API's counts and puts minerals on both lists first", () => {
    const all = ml(3, [
      { id: "tin", name: "Tin", kind: "element", isSample: false, listed: [{ list: "US2025", as: ["Tin"] }] },
      { id: "ree", name: "Rare earths", kind: "group", isSample: false, listed: [{ list: "IN2023", as: ["REE"] }, { list: "US2025", as: ["Cerium", "Lanthanum"] }] },
      { id: "potash", name: "Potash", kind: "mineral", isSample: false, listed: [{ list: "IN2023", as: ["Potash"] }] },
      { id: "gold", name: "Gold", kind: "element", isSample: false, listed: [] },
    ]);
    const o = overlap("IN2023", "US2025", { india: ml(30), us: ml(60), commonGroup: ml(26), commonElement: ml(45) }, all);
    expect(o.counts.map((c) => c.count)).toEqual([30, 60, 26, 45]);
    expect(o.rows.map((r) => [r.id, r.india, r.us, r.onBoth])).toEqual([
      ["ree", "REE", "Cerium; Lanthanum", true],
      ["potash", "Potash", "", false],
      ["tin", "", "Tin", false],
    ]);
    expect(o.containsSample).toBe(false);
  });
});

describe("feeds", () => {
  it("keeps feed checks and computes hours since the last success", () => {
    const rows = feeds({
      status: "healthy", checkedAt: "2026-01-01T12:00:00Z",
      checks: [
        { name: "storage", status: "healthy", detail: "", lastSuccess: null },
        { name: "feed:comtrade", status: "healthy", detail: "ok", lastSuccess: "2026-01-01T09:30:00Z" },
        { name: "feed:usgs", status: "unhealthy", detail: "never ran", lastSuccess: null },
      ],
    }, new Date("2026-01-01T12:00:00Z"));
    expect(rows.map((r) => [r.feed, r.status, r.ageHours])).toEqual([["comtrade", "healthy", 2.5], ["usgs", "unhealthy", null]]);
  });
});

describe("toCsv", () => {
  it("writes RFC 4180: header, quoted fields with commas or quotes, empty for null, CRLF", () => {
    const cols: Column<{ a: string; b: number | null }>[] = [{ label: "A", value: (r) => r.a }, { label: "B, value", value: (r) => r.b }];
    expect(toCsv(cols, [{ a: 'say "hi"', b: 1.5 }, { a: "x", b: null }])).toBe('A,"B, value"\r\n"say ""hi""",1.5\r\nx,\r\n');
  });
});

describe("seriesLines", () => {
  it("puts each edition on its own line over the union of years, so a revision shows beside the figure it revised", () => {
    const series: ReservesSeries = {
      mineral: "lithium", country: "AUS", measure: "mine-production", product: "main",
      items: [
        { year: 2024, edition: "MCS2026", newest: true, valueTons: 82700, qualifier: "estimated", valuePublished: "82,700", isSample: false },
        { year: 2025, edition: "MCS2026", newest: true, valueTons: 92000, qualifier: "estimated", valuePublished: "92,000", isSample: false },
        { year: 2023, edition: "MCS2025", newest: true, valueTons: 91700, qualifier: "exact", valuePublished: "91700", isSample: false },
        { year: 2024, edition: "MCS2025", newest: false, valueTons: 88000, qualifier: "estimated", valuePublished: "88000", isSample: false },
      ],
    };
    const { years, lines } = seriesLines(series);
    expect(years).toEqual([2023, 2024, 2025]);
    expect(lines).toEqual([
      { edition: "MCS2026", values: [null, 82700, 92000] },
      { edition: "MCS2025", values: [91700, 88000, null] },
    ]);
  });
});
