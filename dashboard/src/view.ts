// Shared scaffolding for a view: its pickers, a status area (loading, empty, error), the sample banner and the body.
import { ApiError } from "./api";
import type { Key } from "./state";
import * as store from "./store";

export type Status = "loading" | "ready" | "empty" | "error";

export interface ViewFrame {
  panel: HTMLElement;
  controls: HTMLElement;
  body: HTMLElement;
  setState(state: Status, message?: string, retry?: () => void): void;
  banner(sample: boolean, text?: string): void;
}

export function frame(panel: HTMLElement): ViewFrame {
  panel.innerHTML = `<form class="controls"></form>
    <div class="status" aria-live="polite"></div>
    <div class="banner" hidden></div>
    <div class="body"></div>`;
  // Not an inline onsubmit: the content security policy allows no inline script.
  panel.querySelector("form")!.addEventListener("submit", (e) => e.preventDefault());
  const status = panel.querySelector<HTMLElement>(".status")!;
  const body = panel.querySelector<HTMLElement>(".body")!;
  const bannerEl = panel.querySelector<HTMLElement>(".banner")!;
  return {
    panel,
    controls: panel.querySelector<HTMLElement>(".controls")!,
    body,
    setState(state, message, retry) {
      // data-state lets the end-to-end tests wait for a view to settle.
      panel.dataset.state = state;
      status.replaceChildren();
      body.hidden = state !== "ready";
      if (state !== "ready") bannerEl.hidden = true;
      if (state === "ready") return;
      const box = document.createElement("div");
      box.className = `state ${state}`;
      if (state === "error") box.setAttribute("role", "alert");
      box.textContent = message ?? (state === "loading" ? "Loading…" : "No data for this selection.");
      if (state === "error" && retry) {
        const button = document.createElement("button");
        button.type = "button";
        button.textContent = "Retry";
        button.style.marginLeft = "1rem";
        button.addEventListener("click", retry);
        box.appendChild(button);
      }
      status.appendChild(box);
    },
    banner(sample, text = "This view includes made-up sample data (isSample / containsSample in the API); do not cite those numbers.") {
      bannerEl.hidden = !sample;
      bannerEl.textContent = text;
    },
  };
}

export type Picker = HTMLSelectElement & { wrapper: HTMLLabelElement };

/** A labelled select (id `pick-<name>`), placed in the controls once; `options` refills it. */
export function picker(controls: HTMLElement, label: string, name: string): Picker {
  const wrap = document.createElement("label");
  wrap.textContent = label;
  const el = document.createElement("select");
  el.name = name;
  el.id = `pick-${name}`;
  wrap.appendChild(el);
  controls.appendChild(wrap);
  return Object.assign(el, { wrapper: wrap });
}

/**
 * Fills a picker and selects `wanted` when it is among the options, else `fallback`, else the first; returns the
 * value selected (what the view then loads and writes to the URL).
 */
export function options(el: HTMLSelectElement, items: [string, string][], wanted: string | undefined, fallback?: string): string {
  const values = items.map(([v]) => v);
  const value = wanted !== undefined && values.includes(wanted) ? wanted
    : fallback !== undefined && values.includes(fallback) ? fallback
    : values[0] ?? "";
  el.replaceChildren(...items.map(([v, text]) => new Option(text, v, v === value, v === value)));
  el.value = value;
  el.disabled = items.length === 0;
  return value;
}

export function message(e: unknown): string {
  if (e instanceof ApiError) return `Could not load the data (${e.message}).`;
  return `Could not load the data: ${(e as Error).message}`;
}

/** Runs a load; a newer load for the same view wins, so a slow old answer never overwrites the current picker. */
export function latest() {
  let generation = 0;
  return async (work: (current: () => boolean) => Promise<void>) => {
    const mine = ++generation;
    await work(() => mine === generation);
  };
}

export const fmt = {
  usd: (v: number | null) => (v === null ? "—" : `$${Math.round(v).toLocaleString("en-US")}`),
  pct: (v: number | null, digits = 1) => (v === null ? "—" : `${v.toFixed(digits)}%`),
  num: (v: number | null, digits = 0) => (v === null ? "—" : v.toLocaleString("en-US", { maximumFractionDigits: digits })),
  tons: (v: number | null) => (v === null ? "—" : `${v.toLocaleString("en-US")} t`),
};

/** The sample column every table ends with. */
export const sampleColumn = <T extends { isSample: boolean }>() => ({
  label: "Sample", value: (r: T) => r.isSample, format: (r: T) => (r.isSample ? "sample" : ""), sample: true,
});

/**
 * A view's load: the latest call wins (see `latest`); nothing is asked again while the URL keys the view depends on
 * are those already shown (`same` runs instead, e.g. to re-sort after Back), and a failure becomes the error state
 * with Retry. `work` sets the ready or empty state itself.
 */
export function keyedLoad(f: ViewFrame, keys: Key[], work: (current: () => boolean) => Promise<void>,
  opts: { loading?: string; same?: () => void } = {}): () => Promise<void> {
  const run = latest();
  let loaded: string | null = null;
  const keyOf = () => JSON.stringify(keys.map((k) => store.get()[k]));
  const load = (): Promise<void> => run(async (current) => {
    if (loaded === keyOf() && f.panel.dataset.state === "ready") {
      opts.same?.();
      return;
    }
    f.setState("loading", opts.loading);
    try {
      await work(current);
      if (current()) loaded = keyOf();
    } catch (e) {
      if (current()) f.setState("error", message(e), () => void load());
    }
  });
  return load;
}
