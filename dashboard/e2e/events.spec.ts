import { api, axis, expect, open, pick, series, seriesById, shot, test } from "./helpers";

/** The event-study charts equal /api/events/{id}/impact for the page's selection. */
async function checkStudy(page: import("@playwright/test").Page) {
  const state = new URL(page.url()).searchParams;
  const [id, mineral, partner, months] = ["event", "mineral", "partner", "months"].map((k) => state.get(k));
  const event = (await api("events")).items.find((e: { id: string }) => e.id === id);
  const impact = await api(`events/${id}/impact?reporter=${event.country}&partner=${partner}&mineral=${mineral}&months=${months}`);

  // Before/after bars: the four windows, a year earlier first, mean value per month and unit value.
  const order = ["baseline-before", "baseline-after", "before", "after"];
  const windows = order.map((w) => impact.items.find((i: { window: string }) => i.window === w));
  const bars = await seriesById(page, "events-windows");
  expect(bars.perMonth).toEqual(windows.map((w) => w.valueUsdPerMonth));
  expect(bars.unitValue).toEqual(windows.map((w) => w.unitValueUsdPerKg));
  expect(await axis(page, "events-windows", "xAxis")).toEqual(windows.map((w) => `${w.window}\n${w.from}–${w.to}`));

  // The monthly line: the before and after months, each with the same month a year earlier.
  const monthly: { month: string; window: string; valueUsd: number | null }[] = impact.monthly;
  const charted = monthly.filter((m) => m.window === "before" || m.window === "after").map((m) => m.month).sort();
  expect(await axis(page, "events-monthly", "xAxis")).toEqual(charted);
  const line = await seriesById(page, "events-monthly");
  const value = (month: string) => monthly.find((m) => m.month === month)?.valueUsd ?? null;
  const yearEarlier = (month: string) => `${Number(month.slice(0, 4)) - 1}${month.slice(4)}`;
  expect(line.value).toEqual(charted.map(value));
  expect(line.baseline).toEqual(charted.map((m) => value(yearEarlier(m))));
  expect(line.baseline.some((v) => v !== null), "the seasonal baseline has data").toBe(true);

  // Markers: the in-force month, and each status change of the register within the charted months.
  const marks = (await series(page, "events-monthly"))[0].markLine?.data.map((m) => m.xAxis) ?? [];
  const changes = event.statusHistory.map((s: { from: string }) => s.from.slice(0, 7)).filter((m: string) => charted.includes(m));
  expect(new Set(marks)).toEqual(new Set([impact.referenceMonth, ...changes]));
  return { event, impact };
}

test("event study: the default control's before/after, monthly line and seasonal baseline equal /impact", async ({ page }) => {
  await open(page, "?view=events", "events");
  const state = new URL(page.url()).searchParams;
  // The first measure on the default mineral (graphite) that took effect, and the India partner.
  expect([state.get("event"), state.get("mineral"), state.get("partner"), state.get("months")]).toEqual(["chn-2023-graphite-licensing", "graphite", "IND", "6"]);
  const { impact } = await checkStudy(page);
  expect(impact.containsSample).toBe(false);
  await expect(page.locator(".badge.sample:visible")).toHaveCount(0);
  await expect(page.locator("#view-events [data-card=events-windows] .source")).toContainText("UN Comtrade, reported: exports as China declares them (FOB), monthly");
  await shot(page, "events");
});

test("event study: another partner, window and control are studied from /impact too", async ({ page }) => {
  await open(page, "?view=events", "events");
  await pick(page, "events", "partner", "USA");
  await pick(page, "events", "months", "12");
  await checkStudy(page);
  // A control with status changes by clause (the US ban, partly suspended in 2025).
  await pick(page, "events", "event", "chn-2024-us-ban-gallium-germanium-antimony");
  const state = new URL(page.url()).searchParams;
  expect(state.get("mineral")).toBe("graphite");
  await checkStudy(page);
  await shot(page, "events-us-ban");
});
