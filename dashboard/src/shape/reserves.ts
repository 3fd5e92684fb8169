// Reserves and production by country, series across editions, and US salient statistics beside Comtrade shares
// (the reserves view): pure functions, unit-tested in reserves.test.ts.
import type { Country, PartnerShares, ReservesItem, ReservesList, ReservesSeries, SalientList } from "../types";

export interface RankedRow {
  rank: number | null;
  country: string;
  iso3: string | null;
  valueTons: number | null;
  valuePublished: string | null;
  qualifier: string;
  shareOfWorld: number | null;
  correction: string | null;
  memberships: string;
  isSample: boolean;
}

export interface Ranked {
  measure: string;
  product: string | null;
  year: number | null;
  basis: string | null;
  worldTons: number | null;
  /** USGS's note on the World total ("Excludes U.S. production."): shares are of a world without that country. */
  worldTotalExcludes: string | null;
  rows: RankedRow[];
  containsSample: boolean;
}

/** The main product when the measure has it, else the first product listed. */
export function mainProduct(items: ReservesItem[]): string | null {
  return items.some((i) => i.product === "main") ? "main" : items[0]?.product ?? null;
}

/**
 * Countries for one measure (reserves or mine-production), latest year and main product: named countries by rank,
 * then unranked ones (withheld, bounds), with memberships from /api/countries. Aggregates (World, Others) are left
 * out of the rows; the World total is returned apart.
 */
export function ranked(reserves: ReservesList, measure: string, countries: Country[]): Ranked {
  const ofMeasure = reserves.items.filter((i) => i.measure === measure);
  const product = mainProduct(ofMeasure);
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
      correction: i.correction,
      memberships: (i.iso3 ? members.get(i.iso3) ?? [] : []).join(" "),
      isSample: i.isSample,
    }))
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || (b.valueTons ?? -1) - (a.valueTons ?? -1) || a.country.localeCompare(b.country));
  const world = group.find((i) => i.countryKey === "WORLD");
  return {
    measure,
    product,
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

/** Years in which a later edition changed an earlier edition's figure: [year, from edition, value, to edition, value]. */
export function revisions(series: ReservesSeries): { year: number; from: string; fromTons: number | null; to: string; toTons: number | null }[] {
  const out: { year: number; from: string; fromTons: number | null; to: string; toTons: number | null }[] = [];
  const years = [...new Set(series.items.map((i) => i.year))].sort((a, b) => a - b);
  for (const year of years) {
    const ofYear = series.items.filter((i) => i.year === year).sort((a, b) => a.edition.localeCompare(b.edition));
    for (let k = 1; k < ofYear.length; k++) {
      if (ofYear[k].valueTons !== ofYear[k - 1].valueTons) {
        out.push({ year, from: ofYear[k - 1].edition, fromTons: ofYear[k - 1].valueTons, to: ofYear[k].edition, toTons: ofYear[k].valueTons });
      }
    }
  }
  return out;
}

export interface RelianceRow {
  year: number;
  label: string;
  valuePublished: string | null;
  percent: number | null;
  qualifier: string;
  edition: string;
}

/** USGS's US net import reliance by year (one edition): the mineral as a whole (product main) first, else the first product. */
export function reliance(salient: SalientList): RelianceRow[] {
  const rows = salient.items.filter((i) => i.kind === "statistic" && i.statistic === "net-import-reliance" && i.partnerKey === null);
  const product = rows.some((r) => r.product === "main") ? "main" : rows[0]?.product;
  const byYear = new Map<number, RelianceRow>();
  for (const r of rows.filter((x) => x.product === product)) {
    if (!byYear.has(r.year)) {
      byYear.set(r.year, { year: r.year, label: r.label, valuePublished: r.valuePublished, percent: r.value, qualifier: r.qualifier, edition: r.edition });
    }
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

export interface SourceRow {
  key: string;
  name: string;
  /** USGS: percent of US imports over the period (import-share), null where USGS only ranks its sources. */
  usgsPercent: number | null;
  usgsRank: number | null;
  usgsPublished: string | null;
  /** UN Comtrade: the partner's share of US imports in the year (reported), null when absent. */
  comtradePercent: number | null;
  comtradeSample: boolean;
}

export interface SourcesComparison {
  period: string | null;
  edition: string | null;
  statistic: "import-share" | "import-rank" | null;
  rows: SourceRow[];
}

/**
 * USGS's US import sources (the edition's import-share list, else its ranked list) beside the partners' shares of US
 * imports in UN Comtrade for one year. Partners are matched by ISO3; USGS's "Other countries" stays its own row.
 */
export function importSources(salient: SalientList, comtrade: PartnerShares | null): SourcesComparison {
  const sources = salient.items.filter((i) => i.kind === "import-source");
  const statistic = sources.some((s) => s.statistic === "import-share") ? "import-share" : sources.length > 0 ? "import-rank" : null;
  const chosen = sources.filter((s) => s.statistic === statistic);
  const product = chosen.some((s) => s.product === "main") ? "main" : chosen[0]?.product;
  const newest = chosen.filter((s) => s.product === product).reduce<string | null>((e, s) => (e === null || s.edition > e ? s.edition : e), null);
  const list = chosen.filter((s) => s.product === product && s.edition === newest);
  const rows: SourceRow[] = list.map((s) => {
    const key = s.partnerIso3 ?? s.partnerKey ?? s.partner ?? "?";
    const p = s.partnerIso3 ? comtrade?.items.find((x) => x.partner === s.partnerIso3) : undefined;
    return {
      key, name: s.partner ?? key, usgsPercent: statistic === "import-share" ? s.value : null, usgsRank: s.rank,
      usgsPublished: s.valuePublished, comtradePercent: p ? p.sharePercent : null, comtradeSample: p?.isSample ?? false,
    };
  });
  return { period: list[0]?.period ?? null, edition: newest, statistic, rows };
}
