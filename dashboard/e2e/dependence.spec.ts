import { api, axis, csvOf, expect, open, pick, series, seriesById, settled, shot, test, BASE } from "./helpers";

/** The dependence charts equal /api/trade/partners (and /api/indicators, /api/events) for the same selection. */
async function checkDependence(page: import("@playwright/test").Page, reporter: string, source: string, flow: string, mineral: string) {
  const coverage = await api("trade/coverage");
  const years: number[] = coverage.years;
  const shares = await Promise.all(years.map((y) => api(`trade/partners?reporter=${reporter}&mineral=${mineral}&flow=${flow}&year=${y}&source=${source}`)));
  expect(await axis(page, "dependence-sources", "xAxis")).toEqual(years.map(String));
  const bars = await series(page, "dependence-sources");
  const expected = new Map<string, (number | null)[]>();
  shares.forEach((s, i) => s.items.forEach((p: { partner: string | null; partnerCode: number; valueUsd: number }) => {
    const key = p.partner ?? `code:${p.partnerCode}`;
    if (!expected.has(key)) expected.set(key, years.map(() => null));
    expected.get(key)![i] = p.valueUsd;
  }));
  expect(bars.length).toBeGreaterThan(0);
  expect(new Set(bars.map((b) => b.id))).toEqual(new Set(expected.keys()));
  const drawn = await seriesById(page, "dependence-sources");
  for (const [key, values] of expected) expect(drawn[key], `partner ${key}`).toEqual(values);

  const lines = await seriesById(page, "dependence-lines");
  expect(lines.china).toEqual(shares.map((s) => s.chinaSharePercent));
  expect(lines.hhi).toEqual(shares.map((s) => s.hhi));
  if (source === "reported" && flow === "M") {
    const indicators = await Promise.all(years.map((y) => api(`indicators?reporter=${reporter}&year=${y}&mineral=${mineral}`)));
    const imports = indicators.map((l) => l.items.find((i: { mineral: string }) => i.mineral === mineral)?.imports ?? null);
    expect(lines.usfta).toEqual(imports.map((i) => i?.usftaSharePercent ?? null));
    expect(lines.msp).toEqual(imports.map((i) => i?.mspSharePercent ?? null));
  } else {
    expect(Object.keys(lines).sort()).toEqual(["china", "hhi"]);
  }

  // Export-control markers: one per /api/events entry for the mineral dated within the charted years.
  const events = (await api(`events?mineral=${mineral}`)).items.filter((e: { date: string }) => years.map(String).includes(e.date.slice(0, 4)));
  const marks = bars[0].markLine?.data ?? [];
  expect(marks.map((m) => m.xAxis).sort()).toEqual(events.map((e: { date: string }) => e.date.slice(0, 4)).sort());

  // The CSV holds one line per partner-year; the banner shows exactly when a charted answer holds sample rows.
  const csv = await csvOf(page, "#view-dependence [data-card=dependence-sources]");
  expect(csv.length).toBe(shares.reduce((n, s) => n + s.items.length, 0));
  await expect(page.locator("#view-dependence .banner")).toBeVisible({ visible: shares.some((s) => s.containsSample) });
  return shares;
}

test("first view: real figures only (India's graphite imports as China reports them), no sample badge, sources named", async ({ page }) => {
  await page.goto(`${BASE}/`);
  await settled(page, "dependence");
  // The URL names the view and everything it resolved.
  expect(new URL(page.url()).search).toBe("?view=dependence&reporter=IND&source=mirror&flow=M&mineral=graphite");
  await expect(page.locator("#tab-dependence")).toHaveAttribute("aria-selected", "true");
  const shares = await checkDependence(page, "IND", "mirror", "M", "graphite");
  expect(shares.every((s) => !s.containsSample)).toBe(true);
  await expect(page.locator(".badge.sample:visible")).toHaveCount(0);
  await expect(page.locator("#view-dependence .banner")).toBeHidden();
  await expect(page.locator("#view-dependence [data-card=dependence-sources] .source")).toContainText("UN Comtrade, mirror: imports of India as its partners report them (reports loaded from: China)");
  await expect(page.locator("#view-dependence [data-card=dependence-lines] .source")).toContainText("UN Comtrade, mirror");
  await page.locator("#view-dependence details summary").first().click();
  await expect(page.locator("#view-dependence details table tbody tr").first()).toBeVisible();
  await shot(page, "dependence");
});

test("dependence: the pickers change the chart (USA graphite as reported, with sample partners flagged)", async ({ page }) => {
  await open(page, "?view=dependence", "dependence");
  await pick(page, "dependence", "reporter", "USA");
  await pick(page, "dependence", "source", "reported");
  const shares = await checkDependence(page, "USA", "reported", "M", "graphite");
  expect(shares.some((s) => s.containsSample)).toBe(true);
  await expect(page.locator("#view-dependence [data-card=dependence-sources] .sample-flag")).toBeVisible();
  await expect(page.locator("#view-dependence [data-card=dependence-sources] .source")).toContainText("UN Comtrade, reported: imports as United States declares them (CIF)");
  await shot(page, "dependence-usa-graphite");
  // China's exports by destination: a reporter with reported figures only.
  await pick(page, "dependence", "reporter", "CHN");
  await pick(page, "dependence", "flow", "X");
  await expect(page.locator("#pick-source option")).toHaveCount(1);
  await checkDependence(page, "CHN", "reported", "X", "graphite");
});

test("error state: a 500 from /api/trade/partners shows an alert with Retry, which recovers", async ({ page }) => {
  await page.route("**/api/trade/partners**", (route) => route.fulfill({
    status: 500, contentType: "application/problem+json",
    body: JSON.stringify({ type: "tag:feeds,2026:problem:internal-error", title: "Internal error", status: 500, detail: "test" }),
  }));
  await page.goto(`${BASE}/?view=dependence`);
  await settled(page, "dependence", "error");
  const alert = page.locator("#view-dependence [role=alert]");
  await expect(alert).toContainText("HTTP 500");
  await expect(alert.locator("button", { hasText: "Retry" })).toBeVisible();
  await page.unroute("**/api/trade/partners**");
  await alert.locator("button").click();
  await settled(page, "dependence");
});
