// The India brief: one row per mineral on both India's and the US's lists, each cell from the route it names
// (pure functions, unit-tested in brief.test.ts).
import type { EventList, IndicatorItem, MineralItem, PartnerShares, ReservesItem, ReservesList, SourcingList } from "../types";

/** The groups a sourcing candidate must belong to (on the brief's membership day). */
export const PARTNER_GROUPS = ["MSP", "QUAD", "USFTA"] as const;
/** How many candidates a row names. */
export const CANDIDATES = 3;

export interface BriefInput {
  mineral: MineralItem;
  /** /api/trade/partners?reporter=IND&flow=M&year= (source=reported). */
  reported: PartnerShares;
  /** The same with source=mirror; asked only when the reported answer is not real. */
  mirror: PartnerShares | null;
  /** /api/reserves?mineral=&country=IND (newest edition). */
  reserves: ReservesList;
  /** /api/events?mineral=&activeOn= (in force that day). */
  controls: EventList;
  /** /api/sourcing?mineral=&buyer=IND. */
  sourcing: SourcingList;
  /** Memberships on the brief's day (/api/countries?on=), by ISO3. */
  memberships: Map<string, string[]>;
  /** /api/indicators?reporter=USA&year=&scenario=india-us-cmpa, the mineral's item (undefined when none). */
  usIndicator: IndicatorItem | undefined;
}

export interface BriefRow {
  mineral: string;
  name: string;
  /** Which answer the import figures come from: reported where real, else mirror where real, else none. */
  importSource: "reported" | "mirror" | null;
  importValueUsd: number | null;
  chinaSharePercent: number | null;
  /** The three largest sources, "CHN 61.2%; AUS 20.0%" (ISO3 or area key). */
  topSources: string;
  reservesTons: number | null;
  reservesRank: number | null;
  reservesSharePercent: number | null;
  reservesYear: number | null;
  productionMeasure: string | null;
  productionTons: number | null;
  productionRank: number | null;
  productionSharePercent: number | null;
  productionYear: number | null;
  usgsEdition: string | null;
  /** Ids of the measures in force on the day, "; "-separated, and their titles. */
  controls: string;
  controlTitles: string;
  controlCount: number;
  /** Up to three sourcing candidates in MSP, the Quad or the US-FTA group: ISO3, groups, reserves and rank. */
  candidates: string;
  candidateReservesTons: string;
  candidateText: string;
  usftaSharePercent: number | null;
  usftaScenarioSharePercent: number | null;
  /** Scenario minus actual US-FTA share of US imports, percentage points; null without both. */
  cmpaEffectPoints: number | null;
  /** The US import figures hold sample rows (the CMPA columns then say so). */
  cmpaSample: boolean;
}

/** A partner-shares answer with real figures: some partner rows and no sample among them. */
export const isReal = (s: PartnerShares | null): s is PartnerShares => s !== null && s.items.length > 0 && !s.containsSample;

/** The latest year of a measure's main product (else the first product) among India's own rows. */
function latest(items: ReservesItem[], measures: string[]): ReservesItem | null {
  for (const measure of measures) {
    const of = items.filter((i) => i.measure === measure);
    if (of.length === 0) continue;
    const product = of.some((i) => i.product === "main") ? "main" : of[0].product;
    return of.filter((i) => i.product === product).sort((a, b) => b.year - a.year)[0];
  }
  return null;
}

const percent = (fraction: number | null) => (fraction === null ? null : Math.round(fraction * 1e6) / 1e4);

export function briefRow(input: BriefInput): BriefRow {
  const { mineral, reported, mirror, reserves, controls, sourcing, memberships, usIndicator } = input;
  const imports = isReal(reported) ? reported : isReal(mirror) ? mirror : null;
  const own = reserves.items.filter((i) => i.countryKey === "IND");
  const res = latest(own, ["reserves"]);
  const prod = latest(own, ["mine-production", "refinery-production", "production"]);
  const candidates = sourcing.items
    .map((c) => ({ c, groups: (memberships.get(c.iso3) ?? []).filter((g) => (PARTNER_GROUPS as readonly string[]).includes(g)) }))
    .filter((x) => x.groups.length > 0)
    .slice(0, CANDIDATES);
  const us = usIndicator?.imports ?? null;
  const effect = us?.usftaSharePercent != null && us.usftaScenarioSharePercent != null
    ? us.usftaScenarioSharePercent - us.usftaSharePercent : null;
  return {
    mineral: mineral.id,
    name: mineral.name,
    importSource: imports ? (imports.source as "reported" | "mirror") : null,
    importValueUsd: imports?.partnerSumUsd ?? null,
    chinaSharePercent: imports?.chinaSharePercent ?? null,
    topSources: imports ? imports.items.slice(0, 3).map((p) => `${p.partner ?? p.partnerCode} ${p.sharePercent.toFixed(1)}%`).join("; ") : "",
    reservesTons: res?.valueTons ?? null,
    reservesRank: res?.rank ?? null,
    reservesSharePercent: percent(res?.shareOfWorld ?? null),
    reservesYear: res?.year ?? null,
    productionMeasure: prod?.measure ?? null,
    productionTons: prod?.valueTons ?? null,
    productionRank: prod?.rank ?? null,
    productionSharePercent: percent(prod?.shareOfWorld ?? null),
    productionYear: prod?.year ?? null,
    usgsEdition: reserves.edition,
    controls: controls.items.map((e) => e.id).join("; "),
    controlTitles: controls.items.map((e) => e.title).join("; "),
    controlCount: controls.items.length,
    candidates: candidates.map((x) => x.c.iso3).join("; "),
    candidateReservesTons: candidates.map((x) => (x.c.reservesTons === null ? "" : String(x.c.reservesTons))).join("; "),
    candidateText: candidates.map((x) => `${x.c.name} (${x.groups.join(" ")})${x.c.reservesTons === null ? ", reserves —"
      : `, ${x.c.reservesTons.toLocaleString("en-US")} t${x.c.reservesRank === null ? "" : ` #${x.c.reservesRank}`}`}`).join("; "),
    usftaSharePercent: us?.usftaSharePercent ?? null,
    usftaScenarioSharePercent: us?.usftaScenarioSharePercent ?? null,
    cmpaEffectPoints: effect === null ? null : Math.round(effect * 1e4) / 1e4,
    cmpaSample: us?.isSample ?? false,
  };
}
