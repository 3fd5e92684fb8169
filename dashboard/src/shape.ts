// Pure functions that turn API JSON into chart series and table rows (unit-tested in shape.test.ts).
import type {
  Country, EventList, Health, IndicatorList, MineralList, PartnerShares, ReservesList, ReservesSeries,
} from "./types";

export interface PartnerSeries {
  key: string;
  name: string;
  /** USD per year, null where the partner does not appear that year. */
  values: (number | null)[];
  isSample: boolean;
}

export interface DependenceRow {
  year: number;
  partner: string;
  partnerName: string;
  valueUsd: number;
  sharePercent: number;
  isSample: boolean;
}

export interface YearRow {
  year: number;
  chinaSharePercent: number | null;
  hhi: number | null;
  usftaSharePercent: number | null;
  mspSharePercent: number | null;
  isSample: boolean;
}

export interface EventMarker {
  year: string;
  date: string;
  title: string;
  /** The register's status today, in words ("in force", "suspended", "status unknown"). */
  status: string;
}

/** A register status as a marker shows it. */
export function statusWords(status: string | null): string {
  return status === null ? "status unknown after the sources' dates" : status.replaceAll("-", " ");
}

export interface Dependence {
  years: string[];
  partners: PartnerSeries[];
  lines: YearRow[];
  rows: DependenceRow[];
  markers: EventMarker[];
  containsSample: boolean;
  empty: boolean;
}

const partnerKey = (p: { partner: string | null; partnerCode: number }) => p.partner ?? `code:${p.partnerCode}`;

/**
 * Import sources over the years: one stacked series per partner (ordered by total value, largest first), China's
 * share and HHI from /api/trade/partners, US-FTA and MSP shares from /api/indicators, register events within the years
 * (with their status today).
 */
export function dependence(
  shares: PartnerShares[], indicators: (IndicatorList | null)[], events: EventList | null, mineral: string,
): Dependence {
  const sorted = [...shares].sort((a, b) => a.year - b.year);
  const years = sorted.map((s) => String(s.year));
  const totals = new Map<string, { name: string; total: number; isSample: boolean }>();
  const rows: DependenceRow[] = [];
  for (const s of sorted) {
    for (const p of s.items) {
      const key = partnerKey(p);
      const t = totals.get(key) ?? { name: p.partnerName, total: 0, isSample: false };
      t.total += p.valueUsd;
      t.isSample ||= p.isSample;
      totals.set(key, t);
      rows.push({ year: s.year, partner: key, partnerName: p.partnerName, valueUsd: p.valueUsd, sharePercent: p.sharePercent, isSample: p.isSample });
    }
  }

  const partners = [...totals.entries()]
    .sort((a, b) => b[1].total - a[1].total || a[0].localeCompare(b[0]))
    .map(([key, t]) => ({
      key,
      name: t.name,
      isSample: t.isSample,
      values: sorted.map((s) => s.items.find((p) => partnerKey(p) === key)?.valueUsd ?? null),
    }));

  const lines = sorted.map((s) => {
    const list = indicators.find((i) => i?.year === s.year);
    const item = list?.items.find((i) => i.mineral === mineral);
    return {
      year: s.year,
      chinaSharePercent: s.chinaSharePercent,
      hhi: s.hhi,
      usftaSharePercent: item?.imports?.usftaSharePercent ?? null,
      mspSharePercent: item?.imports?.mspSharePercent ?? null,
      isSample: s.containsSample || (item?.isSample ?? false),
    };
  });

  const markers = (events?.items ?? [])
    .filter((e) => e.minerals.includes(mineral) && years.includes(e.date.slice(0, 4)))
    .map((e) => ({ year: e.date.slice(0, 4), date: e.date, title: e.title, status: statusWords(e.status) }));

  return {
    years,
    partners,
    lines,
    rows,
    markers,
    containsSample: sorted.some((s) => s.containsSample) || indicators.some((i) => i?.containsSample ?? false),
    empty: rows.length === 0,
  };
}

export interface RankedRow {
  rank: number | null;
  country: string;
  iso3: string | null;
  valueTons: number | null;
  valuePublished: string | null;
  qualifier: string;
  shareOfWorld: number | null;
  memberships: string;
  isSample: boolean;
}

export interface Ranked {
  measure: string;
  year: number | null;
  basis: string | null;
  worldTons: number | null;
  /** USGS's note on the World total ("Excludes U.S. production."): shares are of a world without that country. */
  worldTotalExcludes: string | null;
  rows: RankedRow[];
  containsSample: boolean;
}

/**
 * Countries for one measure (reserves or mine-production), latest year and main product: named countries by rank,
 * then unranked ones (withheld, bounds), with memberships from /api/countries. Aggregates (World, Others) are left
 * out of the rows; the World total is returned apart.
 */
export function ranked(reserves: ReservesList, measure: string, countries: Country[]): Ranked {
  const ofMeasure = reserves.items.filter((i) => i.measure === measure);
  const product = ofMeasure.some((i) => i.product === "main") ? "main" : ofMeasure[0]?.product;
  const year = ofMeasure.filter((i) => i.product === product).reduce<number | null>((y, i) => (y === null || i.year > y ? i.year : y), null);
  const group = ofMeasure.filter((i) => i.product === product && i.year === year);
  const members = new Map(countries.map((c) => [c.iso3, c.memberships]));
  const rows = group
    .filter((i) => !i.isAggregate)
    .map((i) => ({
      rank: i.rank,
      country: i.country,
      iso3: i.iso3,
      valueTons: i.valueTons,
      valuePublished: i.valuePublished,
      qualifier: i.qualifier,
      shareOfWorld: i.shareOfWorld,
      memberships: (i.iso3 ? members.get(i.iso3) ?? [] : []).join(" "),
      isSample: i.isSample,
    }))
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || (b.valueTons ?? -1) - (a.valueTons ?? -1) || a.country.localeCompare(b.country));
  const world = group.find((i) => i.countryKey === "WORLD");
  return {
    measure,
    year,
    basis: group[0]?.basis ?? null,
    worldTons: world?.valueTons ?? null,
    worldTotalExcludes: group.find((i) => i.worldTotalExcludes)?.worldTotalExcludes ?? null,
    rows,
    containsSample: group.some((i) => i.isSample),
  };
}

/** The chart's bars: countries with a number, in table order. */
export function rankedBars(r: Ranked): { country: string; valueTons: number; qualifier: string; shareOfWorld: number | null }[] {
  return r.rows
    .filter((row) => row.valueTons !== null)
    .map((row) => ({ country: row.country, valueTons: row.valueTons as number, qualifier: row.qualifier, shareOfWorld: row.shareOfWorld }));
}

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

export interface FeedRow {
  feed: string;
  status: string;
  lastSuccess: string | null;
  ageHours: number | null;
  detail: string;
}

/** Each feed's freshness from /api/health: checks named feed:*, with hours since the last success at `now`. */
export function feeds(health: Health, now: Date): FeedRow[] {
  return health.checks
    .filter((c) => c.name.startsWith("feed:"))
    .map((c) => ({
      feed: c.name.slice("feed:".length),
      status: c.status,
      lastSuccess: c.lastSuccess,
      ageHours: c.lastSuccess === null ? null : Math.round(((now.getTime() - Date.parse(c.lastSuccess)) / 3_600_000) * 100) / 100,
      detail: c.detail,
    }));
}

export interface SeriesLine {
  edition: string;
  /** One value per year of `years` (null where the edition has no figure for it). */
  values: (number | null)[];
}

/**
 * A series across editions (GET /api/reserves/series?editions=all) as chart lines: the years, and one line per
 * edition, newest first, so a revised figure shows beside the one it revised.
 */
export function seriesLines(series: ReservesSeries): { years: number[]; lines: SeriesLine[] } {
  const years = [...new Set(series.items.map((i) => i.year))].sort((a, b) => a - b);
  const editions = [...new Set(series.items.map((i) => i.edition))].sort().reverse();
  const lines = editions.map((edition) => ({
    edition,
    values: years.map((y) => series.items.find((i) => i.edition === edition && i.year === y)?.valueTons ?? null),
  }));
  return { years, lines };
}
