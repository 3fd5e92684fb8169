// Builders of API answers for the unit tests: every field the generated types require, with overrides.
import type {
  EventImpact, ImpactMonth, ImpactWindow, IndicatorItem, IndicatorList, MineralItem, PartnerShares, PolicyEvent, ReservesItem, ReservesList,
  SalientItem, SalientList, SourcingCandidate, SourcingList,
} from "../types";

export const share = (year: number, items: [string, number, boolean][], extra: Partial<PartnerShares> = {}): PartnerShares => {
  const total = items.reduce((s, [, v]) => s + v, 0);
  return {
    reporter: "IND", mineral: "lithium", flow: "M", year, month: null, source: "reported", includeShared: false, hsCodes: [],
    partnerSumUsd: total, worldTotalUsd: null, gapUsd: null, partnerCount: items.length, basis: "",
    chinaSharePercent: total === 0 ? null : ((items.find(([p]) => p === "CHN")?.[1] ?? 0) / total) * 100,
    hhi: 0, containsSample: items.some(([, , s]) => s), count: items.length,
    items: items.map(([partner, valueUsd, isSample], i) => ({
      rank: i + 1, partnerCode: i, partner, partnerName: partner, valueUsd, sharePercent: (valueUsd / total) * 100, hs6: [], isSample,
      fromMonths: false,
    })),
    ...extra,
  };
};

export const indicatorItem = (mineral: string, year: number, imports: Partial<NonNullable<IndicatorItem["imports"]>> | null): IndicatorItem => ({
  scope: "IND", mineral, year, isSample: imports?.isSample ?? false, dependsOnBounded: false, dependsOnWithheld: false,
  reserves: null, production: null, usNetImportReliance: null,
  imports: imports === null ? null : {
    flow: "M", hsCodes: [], importValueUsd: 0, worldTotalUsd: null, gapUsd: null, topSource: null, topSourceName: null, topSourceSharePercent: null,
    chinaSharePercent: 0, hhi: 0, sourceCount: 0, usftaSharePercent: null, usftaScenarioSharePercent: null, mspSharePercent: null,
    previousYearValueUsd: null, changePercent: null, isSample: false, usftaShareBasis: null, membershipsOn: null, ...imports,
  },
});

export const indicators = (year: number, usfta: number, msp: number): IndicatorList => ({
  reporter: "IND", year, mineral: null, scenario: null, isScenario: false, containsSample: false, definitions: "", count: 1, continuation: "",
  items: [indicatorItem("lithium", year, { usftaSharePercent: usfta, mspSharePercent: msp })],
});

export const event = (id: string, date: string, minerals: string[], title: string, status: string | null, extra: Partial<PolicyEvent> = {}): PolicyEvent => ({
  id, date, country: "CHN", minerals, title, kind: "licensing", status, statusOn: "2026-11-28",
  instrument: { number: "No. 1", title: "t" }, announced: null, announcedNote: null, inForce: date, tookEffect: true, tookEffectNote: null,
  statusHistory: [], scope: "", hsCodes: [], hsNotes: null, suspends: [], extends: [], citations: [], sourceUrl: null, sourceText: "",
  confirmed: true, isSample: false, ...extra,
});

export const reservesItem = (measure: ReservesItem["measure"], year: number, key: string, tons: number | null, extra: Partial<ReservesItem> = {}): ReservesItem => ({
  edition: "MCS2024", measure, stage: null, product: "main", year, countryKey: key, iso3: key.length === 3 ? key : null, country: key,
  countryPublished: key, isAggregate: key === "WORLD" || key === "OTHERS", valueTons: tons, valueTonsHigh: null,
  qualifier: tons === null ? "withheld" : "exact", estimated: false, rounded: false,
  valuePublished: tons === null ? "W" : String(tons), unitPublished: "t", unitCorrection: null, correction: null, basis: "lithium content",
  coverage: null, shareOfWorld: tons === null ? null : tons / 100, rank: null, shareBasis: "world-total", worldTotalExcludes: null, notes: null,
  valueFromNotes: false, sourceFile: "f.csv", isSample: false, ...extra,
});

export const reservesList = (items: ReservesItem[], extra: Partial<ReservesList> = {}): ReservesList => ({
  mineral: "lithium", mineralName: "Lithium", edition: "MCS2024", editionSelection: null, editions: ["MCS2024"], measure: null, country: null,
  unit: "t", totals: [], isSample: false, source: "", count: items.length, continuation: "", items, ...extra,
});

export const salientItem = (extra: Partial<SalientItem>): SalientItem => ({
  edition: "MCS2026", kind: "statistic", statistic: "net-import-reliance", label: "NIR", product: "main", period: "2024", year: 2024,
  partnerKey: null, partnerIso3: null, partner: null, partnerPublished: null, value: null, valueHigh: null, qualifier: "exact", valuePublished: "",
  unit: "percent", estimated: false, rank: null, notes: null, correction: null, commodity: "Graphite", sourceFile: "f.csv", sourceLine: 1,
  isSample: false, ...extra,
});

export const salientList = (items: SalientItem[]): SalientList => ({
  mineral: "graphite", mineralName: "Graphite", edition: "MCS2026", editions: ["MCS2026"], isSample: false, source: "", count: items.length,
  continuation: "", items,
});

export const mineralItem = (id: string, name: string): MineralItem => ({
  id, name, kind: "element", symbol: null, group: null, members: [], listed: [], isSample: false,
});

export const candidate = (rank: number, iso3: string, reservesTons: number | null, reservesRank: number | null): SourcingCandidate => ({
  rank, iso3, name: iso3, reservesRank, reservesTons, reservesQualifier: "exact", reservesSharePercent: null, productionRank: null, productionTons: null,
  productionQualifier: null, productionSharePercent: null, memberships: [], buyerImportSharePercent: null, buyerImportValueUsd: null, reasons: [],
  isSample: false,
});

export const sourcing = (items: SourcingCandidate[]): SourcingList => ({
  mineral: "graphite", buyer: "IND", scenario: null, isScenario: false, reservesEdition: null, reservesYear: null, productionMeasure: null,
  productionEdition: null, productionYear: null, importYear: null, membershipsOn: "2026-11-28", importValueUsd: null, containsSample: false,
  basis: "", count: items.length, continuation: "", items,
});

export const impactWindow = (window: ImpactWindow["window"], from: string, to: string, valueUsdPerMonth: number | null, unit: number | null): ImpactWindow => ({
  window, from, to, months: 2, monthsWithData: 2, missingMonths: [], rows: 2, valueUsd: valueUsdPerMonth === null ? null : valueUsdPerMonth * 2,
  netWeightKg: null, unitValueUsdPerKg: unit, valueUsdPerMonth, netWeightKgPerMonth: null, rowsWithoutWeight: 0, isSample: false,
});

export const impactMonth = (month: string, window: ImpactMonth["window"], valueUsd: number | null): ImpactMonth => ({
  month, window, rows: valueUsd === null ? 0 : 1, valueUsd, netWeightKg: null, unitValueUsdPerKg: valueUsd === null ? null : valueUsd / 1000, isSample: false,
});
