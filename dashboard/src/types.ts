// The API's types, generated from functions/Feeds.Core/Operations/openapi.json by openapi-typescript (npm run types;
// CI checks they are current with npm run types:check). Generated with --properties-required-by-default: the API sends
// every property the document lists, null when it has no value — except a list's `continuation`, sent only when there
// is more (no view reads it; the end-to-end contract test checks the rest on live answers).
import type { components } from "./generated/openapi";

type Schemas = components["schemas"];

export type MineralList = Schemas["MineralList"];
export type MineralItem = Schemas["MineralItem"];
export type Country = Schemas["Country"];
export type CountryList = Schemas["CountryList"];
export type Health = Schemas["Health"];
export type TradeCoverage = Schemas["TradeCoverage"];
export type PartnerShares = Schemas["PartnerShares"];
export type PartnerShare = Schemas["PartnerShare"];
export type ReservesList = Schemas["ReservesList"];
export type ReservesItem = Schemas["ReservesItem"];
export type ReservesSeries = Schemas["ReservesSeries"];
export type ReservesSeriesItem = Schemas["ReservesSeriesItem"];
export type SalientList = Schemas["SalientList"];
export type SalientItem = Schemas["SalientItem"];
export type IndicatorList = Schemas["IndicatorList"];
export type IndicatorItem = Schemas["IndicatorItem"];
export type SourcingList = Schemas["SourcingList"];
export type SourcingCandidate = Schemas["SourcingCandidate"];
export type EventList = Schemas["EventList"];
export type PolicyEvent = Schemas["PolicyEvent"];
export type EventImpact = Schemas["EventImpact"];
export type ImpactWindow = Schemas["ImpactWindow"];
export type ImpactMonth = Schemas["ImpactMonth"];
export type SnapshotManifest = Schemas["SnapshotManifest"];
