import { api, axis, csvOf, expect, open, pick, series, seriesById, settled, shot, test, BASE } from "./helpers";

test("overlap: counts equal /api/minerals for India's list with each US list the catalog has", async ({ page }) => {
  await open(page, "?view=overlap", "overlap");
  const lists: string[] = (await api("minerals?limit=1000")).lists;
  const india = lists.filter((l) => l.startsWith("IN")).sort().at(-1)!;
  const usLists = lists.filter((l) => l.startsWith("US")).sort().reverse();
  expect(await page.locator("#pick-us-list option").allTextContents()).toEqual(usLists);
  for (const us of usLists) {
    if (us !== usLists[0]) await pick(page, "overlap", "us-list", us);
    const expected = [
      (await api(`minerals?lists=${india}`)).count,
      (await api(`minerals?lists=${us}`)).count,
      (await api(`minerals?lists=${india},${us}&counting=group`)).count,
      (await api(`minerals?lists=${india},${us}&counting=element`)).count,
    ];
    expect((await seriesById(page, "overlap-counts")).count, us).toEqual(expected);
    if (us === usLists[0]) await shot(page, "overlap");
  }
});

test("feeds: one bar per feed in /api/health; the latest snapshot's files as the manifest lists them", async ({ page }) => {
  await open(page, "?view=feeds", "feeds");
  const health = await api("health");
  const feeds = health.checks.filter((c: { name: string }) => c.name.startsWith("feed:"));
  expect((await series(page, "feeds-age"))[0].data.length).toBe(feeds.length);
  // `up` publishes a snapshot before it serves, so there is one to show.
  const manifest = await api("snapshots/latest");
  await page.waitForSelector("#view-feeds .snapshot table tbody tr");
  const rows = await page.$$eval("#view-feeds .snapshot table tbody tr", (trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")));
  expect(manifest.files.length).toBeGreaterThan(0);
  expect(rows.map((r) => [r[0], r[1], Number(r[2].replaceAll(",", ""))])).toEqual(manifest.files.map((f: { dataset: string; format: string; rows: number }) => [f.dataset, f.format, f.rows]));
  await shot(page, "feeds");
});

test("a URL with state reopens the same view, choices and charts; Back returns to the previous choice", async ({ page, context }) => {
  test.setTimeout(180_000);
  // Choices made through the pickers, in three views.
  await open(page, "?view=dependence", "dependence");
  await pick(page, "dependence", "reporter", "USA");
  await pick(page, "dependence", "mineral", "lithium");
  const dependenceUrl = page.url();
  const dependenceBars = await series(page, "dependence-sources");
  await page.goBack();
  await settled(page, "dependence");
  await expect(page.locator("#pick-mineral")).toHaveValue("graphite");
  await page.goForward();
  await settled(page, "dependence");
  await expect(page.locator("#pick-mineral")).toHaveValue("lithium");

  await page.click("#tab-reserves");
  await settled(page, "reserves");
  // The mineral chosen in one view is the mineral of the next.
  await expect(page.locator("#pick-reserves-mineral")).toHaveValue("lithium");
  const editions = await page.locator("#pick-edition option").evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
  await pick(page, "reserves", "edition", editions.at(-1)!);
  const reservesUrl = page.url();
  const reservesSeries = await series(page, "reserves-series");

  await page.click("#tab-events");
  await settled(page, "events");
  await pick(page, "events", "months", "12");
  const eventsUrl = page.url();
  const eventsBars = await seriesById(page, "events-windows");

  // Each URL, opened afresh, shows the same view with the same choices and the same numbers.
  for (const [url, view, check] of [
    [dependenceUrl, "dependence", async (p: typeof page) => {
      await expect(p.locator("#pick-reporter")).toHaveValue("USA");
      expect(await series(p, "dependence-sources")).toEqual(dependenceBars);
    }],
    [reservesUrl, "reserves", async (p: typeof page) => {
      await expect(p.locator("#pick-edition")).toHaveValue(editions.at(-1)!);
      expect(await series(p, "reserves-series")).toEqual(reservesSeries);
    }],
    [eventsUrl, "events", async (p: typeof page) => {
      await expect(p.locator("#pick-months")).toHaveValue("12");
      expect(await seriesById(p, "events-windows")).toEqual(eventsBars);
    }],
  ] as const) {
    const fresh = await context.newPage();
    await fresh.goto(url);
    await settled(fresh, view);
    await expect(fresh.locator(`#tab-${view}`)).toHaveAttribute("aria-selected", "true");
    expect(fresh.url()).toBe(url);
    await check(fresh);
    await fresh.close();
  }

  // The brief with a year and a sort.
  const coverage = await api("trade/coverage");
  const briefUrl = `${BASE}/?view=brief&year=${coverage.years[0]}&sort=${encodeURIComponent("Reserves rank")}`;
  await page.goto(briefUrl);
  await settled(page, "brief");
  await expect(page.locator("#pick-year")).toHaveValue(String(coverage.years[0]));
  await expect(page.locator("#view-brief th", { hasText: "Reserves rank" })).toHaveAttribute("aria-sort", "ascending");
  const ranks = (await csvOf(page, "#view-brief [data-card=brief-table]")).map((r) => r["Reserves rank"]).filter((v) => v !== "").map(Number);
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  // An old link (#reserves) still opens its view.
  await page.goto(`${BASE}/#reserves`);
  await settled(page, "reserves");
  expect(new URL(page.url()).searchParams.get("view")).toBe("reserves");
});

test("every caption names its source, and no view scrolls sideways at desktop width", async ({ page }) => {
  test.setTimeout(180_000);
  for (const view of ["dependence", "brief", "events", "reserves", "overlap", "feeds"]) {
    await open(page, `?view=${view}`, view);
    const captions = await page.locator(`#view-${view} .card:visible .source`).allTextContents();
    expect(captions.length, view).toBeGreaterThan(0);
    for (const c of captions) expect(c, view).toMatch(/^Source: .*(UN Comtrade|USGS|policy register|catalog|\/api\/)/);
    // A long option (an export control's title) once widened the event study past the window.
    const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: innerWidth }));
    expect(scroll, `${view} is ${scroll}px wide in a ${width}px viewport`).toBeLessThanOrEqual(width + 1);
  }
});

test("phone width: no view scrolls sideways", async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 390, height: 844 });
  for (const view of ["dependence", "brief", "events", "reserves", "overlap", "feeds"]) {
    await open(page, `?view=${view}`, view);
    const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: innerWidth }));
    expect(scroll, `${view} is ${scroll}px wide in a ${width}px viewport`).toBeLessThanOrEqual(width + 1);
    if (view === "dependence" || view === "brief" || view === "events") await shot(page, `${view}-phone`);
  }
});

test("keyboard: arrow keys move between tabs", async ({ page }) => {
  // Between the views that load quickest (the brief asks a few routes per mineral).
  await open(page, "?view=overlap", "overlap");
  await page.focus("#tab-overlap");
  await page.keyboard.press("ArrowRight");
  await settled(page, "feeds");
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("tab-feeds");
  expect(new URL(page.url()).searchParams.get("view")).toBe("feeds");
  await page.keyboard.press("ArrowLeft");
  await settled(page, "overlap");
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("tab-overlap");
  expect(new URL(page.url()).searchParams.get("view")).toBe("overlap");
});
