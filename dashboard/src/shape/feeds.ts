// Feed freshness from /api/health (the feeds view): unit-tested in feeds.test.ts.
import type { Health } from "../types";

export interface FeedRow {
  feed: string;
  status: string;
  lastSuccess: string | null;
  ageHours: number | null;
  detail: string;
}

/** Each feed's freshness from /api/health: checks named feed:*, with hours since the last success at `now`. */
export function feeds(health: Health, now: Date): FeedRow[] {
  return health.checks
    .filter((c) => c.name.startsWith("feed:"))
    .map((c) => ({
      feed: c.name.slice("feed:".length),
      status: c.status,
      lastSuccess: c.lastSuccess,
      ageHours: c.lastSuccess === null ? null : Math.round(((now.getTime() - Date.parse(c.lastSuccess)) / 3_600_000) * 100) / 100,
      detail: c.detail,
    }));
}
