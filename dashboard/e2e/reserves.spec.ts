import { api, axis, expect, open, pick, seriesById, shot, test } from "./helpers";

type Item = { measure: string; product: string; year: number; isAggregate: boolean; valueTons: number | null; country: string; iso3: string | null; rank: number | null };

/** The ranked bars equal /api/reserves for the edition shown (newest when the URL names none). */
async function checkRanked(page: import("@playwright/test").Page, mineral: string, edition: string | null) {
  const list = await api(`reserves?mineral=${mineral}&limit=1000${edition ? `&edition=${edition}` : ""}`);
  if (!edition) expect(list.edition).toBe(list.editions[0]);
  expect(new URL(page.url()).searchParams.get("edition")).toBe(list.edition);
  for (const [measure, chart] of [["reserves", "reserves-reserves"], ["mine-production", "reserves-production"]]) {
    const items: Item[] = list.items.filter((i: Item) => i.measure === measure && i.product === "main");
    // Every edition the tests open publishes both measures for the mineral: an empty list is a failure, not a skip.
    expect(items.length, `${mineral} ${list.edition} ${measure}`).toBeGreaterThan(0);
    const year = Math.max(...items.map((i) => i.year));
    const named = items.filter((i) => i.year === year && !i.isAggregate && i.valueTons !== null);
    const countries = await axis(page, chart, "yAxis");
    const values = (await seriesById(page, chart))[measure];
    expect(Object.fromEntries(countries.map((c, i) => [c, values[i]])), `${measure} ${year}`).toEqual(Object.fromEntries(named.map((i) => [i.country, i.valueTons])));
  }
  await expect(page.locator("#view-reserves [data-card=reserves-reserves] .source")).toContainText(`(${list.edition})`);
  return list;
}

/** The series chart: one line per edition, each point that edition's figure for the year (/api/reserves/series?editions=all). */
async function checkSeries(page: import("@playwright/test").Page, mineral: string) {
  const state = new URL(page.url()).searchParams;
  const history = await api(`reserves/series?mineral=${mineral}&country=${state.get("country")}&measure=${state.get("measure")}&editions=all`);
  const years = await axis(page, "reserves-series", "xAxis");
  const lines = await seriesById(page, "reserves-series");
  const editions = [...new Set(history.items.map((i: { edition: string }) => i.edition))].sort();
  expect(Object.keys(lines).sort()).toEqual(editions);
  for (const [edition, values] of Object.entries(lines)) {
    expect(values, edition).toEqual(years.map((y) => history.items.find((i: { edition: string; year: number }) => i.edition === edition && String(i.year) === y)?.valueTons ?? null));
  }
  return history;
}

test("reserves: newest edition by default, ranked bars and the series across editions equal the API; USGS US figures beside Comtrade", async ({ page }) => {
  await open(page, "?view=reserves&mineral=graphite", "reserves");
  await checkRanked(page, "graphite", null);
  const state = new URL(page.url()).searchParams;
  expect(state.get("measure")).toBe("mine-production");
  await checkSeries(page, "graphite");

  // USGS's net import reliance (the edition shown) and import sources, beside UN Comtrade's shares of US imports.
  const edition = state.get("edition");
  const salient = await api(`salient?mineral=graphite&edition=${edition}&limit=1000`);
  const nir = salient.items.filter((i: { statistic: string; product: string; partnerKey: string | null }) => i.statistic === "net-import-reliance" && i.product === "main" && i.partnerKey === null);
  const nirYears = await axis(page, "reserves-nir", "xAxis");
  expect(nirYears).toEqual([...new Set(nir.map((i: { year: number }) => String(i.year)))].sort());
  expect((await seriesById(page, "reserves-nir")).nir).toEqual(nirYears.map((y) => nir.find((i: { year: number }) => String(i.year) === y).value));

  const sources = salient.items.filter((i: { kind: string; statistic: string }) => i.kind === "import-source" && i.statistic === "import-share");
  const coverage = await api("trade/coverage");
  const year = Math.min(Math.max(...sources.map((i: { year: number }) => i.year)), coverage.toYear);
  const comtrade = await api(`trade/partners?reporter=USA&mineral=graphite&flow=M&year=${year}`);
  expect(await axis(page, "reserves-sources", "yAxis")).toEqual(sources.map((s: { partner: string }) => s.partner));
  const bars = await seriesById(page, "reserves-sources");
  expect(bars.usgs).toEqual(sources.map((s: { value: number }) => s.value));
  expect(bars.comtrade).toEqual(sources.map((s: { partnerIso3: string | null }) =>
    comtrade.items.find((p: { partner: string }) => s.partnerIso3 !== null && p.partner === s.partnerIso3)?.sharePercent ?? null));
  await expect(page.locator("#view-reserves [data-card=reserves-sources] .source")).toContainText("UN Comtrade, reported");
  await expect(page.locator("#view-reserves [data-card=reserves-sources] .source")).toContainText(`USGS Mineral Commodity Summaries`);
  await shot(page, "reserves");
});

test("reserves: the edition picker shows an older edition, and the series follows the chosen country", async ({ page }) => {
  await open(page, "?view=reserves&mineral=lithium", "reserves");
  const list = await checkRanked(page, "lithium", null);
  const older = list.editions.at(-1);
  expect(older).not.toBe(list.edition);
  await pick(page, "reserves", "edition", older);
  await checkRanked(page, "lithium", older);
  await pick(page, "reserves", "country", "AUS");
  const history = await checkSeries(page, "lithium");
  // Revisions are visible: some year has more than one edition's figure.
  const perYear = new Map<number, number>();
  for (const i of history.items as { year: number }[]) perYear.set(i.year, (perYear.get(i.year) ?? 0) + 1);
  expect([...perYear.values()].some((n) => n > 1)).toBe(true);
  await expect(page.locator("#view-reserves [data-card=reserves-series] .note")).toContainText("Revisions:");
  await shot(page, "reserves-lithium-older-edition");
});
