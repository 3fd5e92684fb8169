// The live page state: the URL's query string, read once on load and again on Back/Forward (state.ts parses it).
import { format, parse, type Key, type State, type ViewName } from "./state";

let current: State = parse(location.search, location.hash);
const listeners: (() => void)[] = [];

export function get(): Readonly<State> {
  return current;
}

export function view(): ViewName {
  return current.view as ViewName;
}

/**
 * Changes the state and the address: `push` for what a person chose (Back undoes it), `replace` for what a view
 * resolved on its own (a default, a value the API no longer lists).
 */
export function update(changes: State, mode: "push" | "replace"): void {
  const next: State = { ...current };
  for (const [key, value] of Object.entries(changes) as [Key, string | undefined][]) {
    if (value === undefined || value === "") delete next[key];
    else next[key] = value;
  }
  const url = format(next);
  current = next;
  if (url === location.search && !location.hash) return;
  if (mode === "push") history.pushState(null, "", url);
  else history.replaceState(null, "", url);
}

/** Back and Forward: the state is read from the address again and listeners re-render. */
export function onChange(listener: () => void): void {
  listeners.push(listener);
}

addEventListener("popstate", () => {
  current = parse(location.search, location.hash);
  for (const l of listeners) l();
});
