// The event-study panel: /api/events/{id}/impact as a monthly line with its seasonal baseline, markers for the
// in-force date and status changes, and before/after bars (pure functions, unit-tested in events.test.ts).
import type { EventImpact, ImpactWindow, PolicyEvent } from "../types";

export const WINDOWS = ["baseline-before", "baseline-after", "before", "after"] as const;

/** `yyyy-MM` plus `n` months. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number);
  const t = y * 12 + (m - 1) + n;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, "0")}`;
}

export interface StudyLine {
  /** The months of the before and after windows, in order. */
  months: string[];
  /** Value (USD) of each month; null where the month has no rows (never zero). */
  values: (number | null)[];
  /** The same calendar month a year earlier (the baseline windows). */
  baseline: (number | null)[];
  unitValues: (number | null)[];
}

export function studyLine(impact: EventImpact): StudyLine {
  const byMonth = new Map(impact.monthly.map((m) => [m.month, m]));
  const months = impact.monthly.filter((m) => m.window === "before" || m.window === "after").map((m) => m.month).sort();
  return {
    months,
    values: months.map((m) => byMonth.get(m)?.valueUsd ?? null),
    baseline: months.map((m) => byMonth.get(addMonths(m, -12))?.valueUsd ?? null),
    unitValues: months.map((m) => byMonth.get(m)?.unitValueUsdPerKg ?? null),
  };
}

export interface StudyMarker {
  month: string;
  label: string;
}

/**
 * Markers on the monthly line: the reference month (in force, or announced for a measure that never took effect),
 * and each status change of the register's history that falls within the charted months.
 */
export function markers(impact: EventImpact, event: PolicyEvent | undefined, months: string[]): StudyMarker[] {
  const labels = new Map<string, string[]>();
  const add = (month: string, label: string) => labels.set(month, [...(labels.get(month) ?? []), label]);
  add(impact.referenceMonth, `${impact.event.tookEffect ? "in force" : "announced"} ${impact.event.date}`);
  for (const s of event?.statusHistory ?? []) {
    const month = s.from.slice(0, 7);
    // The whole measure coming into force on its date is the reference marker itself.
    const isReference = s.status === "in-force" && s.from === impact.event.date && s.part === null;
    if (!months.includes(month) || isReference) continue;
    add(month, `${s.status.replaceAll("-", " ")} ${s.from}${s.part ? ` (${s.part})` : ""}`);
  }
  return [...labels.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([month, l]) => ({ month, label: l.join("; ") }));
}

/** The four windows in chart order (a year earlier first), each as the API gave it. */
export function windows(impact: EventImpact): ImpactWindow[] {
  return WINDOWS.map((w) => impact.items.find((i) => i.window === w)).filter((w): w is ImpactWindow => w !== undefined);
}

/**
 * The default control: the first measure (by date) on the first of `minerals` that has one, that took effect, is not a
 * suspension or an extension (the one whose effect a study asks about) and was taken by a country whose trade the feed
 * pulls (`reporters`: the study reads its monthly declarations); else the first such measure in the register.
 */
export function defaultEvent(events: PolicyEvent[], minerals: (string | undefined)[], reporters: string[]): PolicyEvent | undefined {
  const measures = events
    .filter((e) => e.tookEffect && e.kind !== "suspension" && e.kind !== "extension" && e.minerals.length > 0 && reporters.includes(e.country))
    .sort((a, b) => a.date.localeCompare(b.date));
  for (const mineral of minerals) {
    const hit = measures.find((e) => mineral !== undefined && e.minerals.includes(mineral));
    if (hit) return hit;
  }
  return measures[0];
}
