// The page state lives in the URL's query string (?view=brief&mineral=graphite&year=2024…), so a link reproduces a
// view. Views read it when they load and write back what they resolved (defaults included), so the address always
// names what is shown. Old links (#dependence) still open their view.

export const VIEWS = ["dependence", "brief", "events", "reserves", "overlap", "feeds"] as const;
export type ViewName = (typeof VIEWS)[number];

/** The keys, in the order the URL lists them. */
export const KEYS = [
  "view", "reporter", "source", "flow", "mineral", "year", "event", "partner", "months", "edition", "country", "measure", "list", "sort",
] as const;
export type Key = (typeof KEYS)[number];
export type State = Partial<Record<Key, string>>;

/**
 * Where the page opens: the dependence view on India's graphite imports as its partners report them (the mirror),
 * because those figures are real in every deployment (offline: China's reports to UN Comtrade), while India's own
 * declarations are sample data offline. Each default is used only if the API lists it; otherwise the view takes the
 * API's first option.
 */
export const DEFAULTS = { view: "dependence", reporter: "IND", source: "mirror", flow: "M", mineral: "graphite", partner: "IND" } as const;

export function parse(search: string, hash = ""): State {
  const params = new URLSearchParams(search);
  const state: State = {};
  for (const key of KEYS) {
    const value = params.get(key);
    if (value !== null && value !== "") state[key] = value;
  }
  const legacy = hash.replace(/^#/, "");
  if (!state.view && (VIEWS as readonly string[]).includes(legacy)) state.view = legacy;
  if (!state.view || !(VIEWS as readonly string[]).includes(state.view)) state.view = DEFAULTS.view;
  return state;
}

export function format(state: State): string {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = state[key];
    if (value !== undefined && value !== "") params.set(key, value);
  }
  return `?${params.toString()}`;
}
