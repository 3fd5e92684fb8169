// The parts of the /api responses the dashboard reads (functions/Feeds.Core/Operations/openapi.json has them all).

export interface PartnerShare {
  rank: number;
  partnerCode: number;
  partner: string | null;
  partnerName: string;
  valueUsd: number;
  sharePercent: number;
  isSample: boolean;
}

export interface PartnerShares {
  reporter: string;
  mineral: string;
  flow: string;
  year: number;
  chinaSharePercent: number | null;
  hhi: number | null;
  partnerCount: number;
  containsSample: boolean;
  items: PartnerShare[];
}

export interface IndicatorImports {
  chinaSharePercent: number | null;
  hhi: number | null;
  usftaSharePercent: number | null;
  mspSharePercent: number | null;
  isSample: boolean;
}

export interface IndicatorItem {
  scope: string;
  mineral: string;
  year: number;
  imports: IndicatorImports | null;
  isSample: boolean;
}

export interface IndicatorList {
  reporter: string;
  year: number;
  containsSample: boolean;
  items: IndicatorItem[];
}

export interface PolicyEvent {
  id: string;
  /** The marker day: in force, or announced when the measure never took effect. */
  date: string;
  country: string;
  minerals: string[];
  title: string;
  kind: string;
  /** Status on statusOn (today unless activeOn was given); null past the dates the sources cover. */
  status: string | null;
  statusOn: string;
  instrument: { number: string; title: string };
  confirmed: boolean;
}

export interface EventList {
  statusOn?: string;
  items: PolicyEvent[];
}

export interface ReservesItem {
  edition: string;
  measure: string;
  product: string;
  year: number;
  countryKey: string;
  iso3: string | null;
  country: string;
  isAggregate: boolean;
  valueTons: number | null;
  qualifier: string;
  valuePublished: string | null;
  basis: string | null;
  shareOfWorld: number | null;
  rank: number | null;
  worldTotalExcludes: string | null;
  isSample: boolean;
}

export interface ReservesList {
  mineral: string;
  mineralName: string;
  edition: string | null;
  /** "newest edition that has the mineral" when no edition was asked for. */
  editionSelection: string | null;
  editions: string[] | null;
  unit: string;
  isSample: boolean;
  items: ReservesItem[];
}

export interface Country {
  iso3: string;
  name: string;
  memberships: string[];
  isSample: boolean;
}

export interface CountryList {
  count: number;
  items: Country[];
}

export interface ListMatch {
  list: string;
  as: string[];
}

export interface MineralItem {
  id: string;
  name: string;
  kind: string;
  listed: ListMatch[];
  isSample: boolean;
}

export interface MineralList {
  lists: string[] | null;
  counting: string | null;
  isSample: boolean;
  count: number;
  items: MineralItem[];
}

export interface HealthCheck {
  name: string;
  status: string;
  detail: string;
  lastSuccess: string | null;
}

export interface Health {
  status: string;
  checkedAt: string;
  checks: HealthCheck[];
}

export interface ReservesSeriesItem {
  year: number;
  edition: string;
  /** The newest edition's figure for the year (what the default series shows). */
  newest: boolean;
  valueTons: number | null;
  qualifier: string;
  valuePublished: string;
  isSample: boolean;
}

export interface ReservesSeries {
  mineral: string;
  country: string;
  measure: string;
  product: string;
  items: ReservesSeriesItem[];
}
