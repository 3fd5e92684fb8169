// Shared scaffolding for a view: its pickers, a status area (loading, empty, error) and the cards.

export type State = "loading" | "ready" | "empty" | "error";

export interface ViewFrame {
  panel: HTMLElement;
  controls: HTMLElement;
  body: HTMLElement;
  setState(state: State, message?: string, retry?: () => void): void;
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

export function select(label: string, name: string, options: [string, string][], value: string): HTMLSelectElement {
  const wrap = document.createElement("label");
  wrap.textContent = label;
  const el = document.createElement("select");
  el.name = name;
  el.id = `pick-${name}`;
  for (const [v, text] of options) el.add(new Option(text, v, v === value, v === value));
  wrap.appendChild(el);
  return Object.assign(el, { wrapper: wrap });
}

export function place(controls: HTMLElement, ...selects: HTMLSelectElement[]) {
  for (const s of selects) controls.appendChild((s as HTMLSelectElement & { wrapper: HTMLElement }).wrapper);
}

export const fmt = {
  usd: (v: number | null) => (v === null ? "—" : `$${Math.round(v).toLocaleString("en-US")}`),
  pct: (v: number | null, digits = 1) => (v === null ? "—" : `${v.toFixed(digits)}%`),
  num: (v: number | null, digits = 0) => (v === null ? "—" : v.toLocaleString("en-US", { maximumFractionDigits: digits })),
  tons: (v: number | null) => (v === null ? "—" : `${v.toLocaleString("en-US")} t`),
};
