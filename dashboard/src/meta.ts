// What the views ask the API for before they can offer choices: the trade window, the catalog's minerals and lists,
// the countries and the policy register. Asked once per page (a failed answer is asked again next time).
import { api } from "./api";
import type { CountryList, EventList, MineralList, TradeCoverage } from "./types";

const cache = new Map<string, Promise<unknown>>();

function once<T>(key: string, load: () => Promise<T>): Promise<T> {
  let hit = cache.get(key) as Promise<T> | undefined;
  if (!hit) {
    hit = load();
    cache.set(key, hit);
    hit.catch(() => cache.delete(key));
  }
  return hit;
}

export const coverage = (): Promise<TradeCoverage> => once("coverage", () => api("/trade/coverage", { query: { limit: 1000 } }));
export const minerals = (): Promise<MineralList> => once("minerals", () => api("/minerals", { query: { limit: 1000 } }));
export const countries = (): Promise<CountryList> => once("countries", () => api("/countries", { query: { limit: 1000 } }));
export const events = (): Promise<EventList> => once("events", () => api("/events", { query: { limit: 1000 } }));

/** Country names by ISO3 (and area keys by themselves), for pickers and captions. */
export async function names(): Promise<Map<string, string>> {
  const list = await countries();
  return new Map(list.items.map((c) => [c.iso3, c.name]));
}
