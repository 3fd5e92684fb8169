import { api, axis, cell, csvOf, expect, open, pick, seriesById, shot, test, BASE } from "./helpers";

const GROUPS = ["MSP", "QUAD", "USFTA"];

async function indicatorsOrNull(path: string) {
  const r = await fetch(`${BASE}/api/${path}`);
  return r.status === 200 ? r.json() : null;
}

test("India brief: every row equals the routes it comes from; the chart equals the rows with real import figures", async ({ page }) => {
  test.setTimeout(180_000);
  await open(page, "?view=brief", "brief");
  const table = page.locator("#view-brief [data-card=brief-table]");
  const year = Number(await table.getAttribute("data-year"));
  const activeOn = (await table.getAttribute("data-active-on"))!;
  const membershipsOn = (await table.getAttribute("data-memberships-on"))!;
  const coverage = await api("trade/coverage");
  expect(year).toBe(coverage.toYear); // the newest year of the feed's window by default
  expect(new URL(page.url()).searchParams.get("year")).toBe(String(year));
  expect(membershipsOn).toBe(`${year}-07-01`);

  const lists: string[] = (await api("minerals?limit=1000")).lists;
  const india = lists.filter((l) => l.startsWith("IN")).sort().at(-1);
  const us = lists.filter((l) => l.startsWith("US")).sort().at(-1);
  const both = await api(`minerals?lists=${india},${us}&limit=1000`);
  const members = new Map<string, string[]>((await api(`countries?on=${membershipsOn}&limit=1000`)).items.map((c: { iso3: string; memberships: string[] }) => [c.iso3, c.memberships]));
  const usIndicators = await indicatorsOrNull(`indicators?reporter=USA&year=${year}&scenario=india-us-cmpa`);

  const rows = await csvOf(page, "#view-brief [data-card=brief-table]");
  expect(rows.map((r) => r.Mineral)).toEqual(both.items.map((m: { name: string }) => m.name));
  let realRows = 0;
  for (const m of both.items as { id: string; name: string }[]) {
    const row = rows.find((r) => r.Mineral === m.name)!;
    const reported = await api(`trade/partners?reporter=IND&mineral=${m.id}&flow=M&year=${year}`);
    const real = (s: { items: unknown[]; containsSample: boolean } | null) => s !== null && s.items.length > 0 && !s.containsSample;
    const mirror = real(reported) ? null : await api(`trade/partners?reporter=IND&mineral=${m.id}&flow=M&year=${year}&source=mirror`);
    const imports = real(reported) ? reported : real(mirror) ? mirror : null;
    expect(row["Import figures"], m.id).toBe(imports === null ? "no real figures" : imports === reported ? "Comtrade reported" : "Comtrade mirror");
    expect(row["India imports USD"], m.id).toBe(cell(imports?.partnerSumUsd));
    expect(row["China share %"], m.id).toBe(cell(imports?.chinaSharePercent));
    if (imports) realRows++;

    const reserves = (await api(`reserves?mineral=${m.id}&country=IND`)).items.filter((i: { countryKey: string }) => i.countryKey === "IND");
    type Figure = { measure: string; product: string; year: number; valueTons: number | null; rank: number | null };
    // A measure's newest figure of its main product, else of the first product listed.
    const newest = (measure: string): Figure | undefined => {
      const of = (reserves as Figure[]).filter((i) => i.measure === measure);
      const product = of.some((i) => i.product === "main") ? "main" : of[0]?.product;
      return of.filter((i) => i.product === product).sort((a, b) => b.year - a.year)[0];
    };
    expect(row["India reserves t"], m.id).toBe(cell(newest("reserves")?.valueTons));
    expect(row["Reserves rank"], m.id).toBe(cell(newest("reserves")?.rank));
    // Production: the first stage India has figures for, mine before refinery before unstated.
    const production = ["mine-production", "refinery-production", "production"].map(newest).find((f) => f !== undefined);
    expect(row["Production measure"] ?? "", m.id).toBe(production?.measure ?? "");
    expect(row["India production t"], m.id).toBe(cell(production?.valueTons));
    expect(row["Production rank"], m.id).toBe(cell(production?.rank));

    const controls = await api(`events?mineral=${m.id}&activeOn=${activeOn}`);
    expect(row["Control ids"], m.id).toBe(controls.items.map((e: { id: string }) => e.id).join("; "));
    expect(row["Controls in force"], m.id).toBe(String(controls.items.length));

    const sourcing = await api(`sourcing?mineral=${m.id}&buyer=IND`);
    const candidates = sourcing.items.filter((c: { iso3: string }) => (members.get(c.iso3) ?? []).some((g) => GROUPS.includes(g))).slice(0, 3);
    expect(row.Candidates, m.id).toBe(candidates.map((c: { iso3: string }) => c.iso3).join("; "));
    expect(row["Candidate reserves t"], m.id).toBe(candidates.map((c: { reservesTons: number | null }) => cell(c.reservesTons)).join("; "));

    const usItem = usIndicators?.items.find((i: { mineral: string }) => i.mineral === m.id)?.imports ?? null;
    expect(row["US-FTA share of US imports %"], m.id).toBe(cell(usItem?.usftaSharePercent));
    expect(row["With India (CMPA) %"], m.id).toBe(cell(usItem?.usftaScenarioSharePercent));
    expect(row["US figures sample"], m.id).toBe(String(usItem?.isSample ?? false));
  }
  expect(realRows, "some mineral has real import figures (graphite, as China reports it)").toBeGreaterThan(0);

  // The chart: one bar per mineral with real import figures, in the series of its source.
  const withFigures = rows.filter((r) => r["Import figures"] !== "no real figures");
  expect(await axis(page, "brief-china", "yAxis")).toEqual(withFigures.map((r) => r.Mineral));
  const bars = await seriesById(page, "brief-china");
  expect(bars.mirror).toEqual(withFigures.map((r) => (r["Import figures"] === "Comtrade mirror" ? Number(r["China share %"]) : null)));
  expect(bars.reported).toEqual(withFigures.map((r) => (r["Import figures"] === "Comtrade reported" ? Number(r["China share %"]) : null)));
  await expect(table.locator(".source")).toContainText("UN Comtrade, mirror");
  await expect(table.locator(".source")).toContainText("USGS Mineral Commodity Summaries");
  await shot(page, "brief");
});

test("India brief: sorting by a column reorders the table and its CSV, and the URL keeps the sort", async ({ page }) => {
  test.setTimeout(180_000);
  await open(page, "?view=brief", "brief");
  const header = page.locator("#view-brief [data-card=brief-table] th", { hasText: "India reserves t" });
  await header.locator("button").click();
  await expect(header).toHaveAttribute("aria-sort", "descending");
  const rows = await csvOf(page, "#view-brief [data-card=brief-table]");
  const values = rows.map((r) => r["India reserves t"]);
  const numbers = values.filter((v) => v !== "").map(Number);
  expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
  expect(values.slice(numbers.length).every((v) => v === ""), "empty cells last").toBe(true);
  // The first body row of the table is the first CSV row.
  await expect(page.locator("#view-brief [data-card=brief-table] tbody tr").first().locator("td").first()).toHaveText(rows[0].Mineral);
  expect(new URL(page.url()).searchParams.get("sort")).toBe("India reserves t:desc");
  await header.locator("button").click();
  await expect(header).toHaveAttribute("aria-sort", "ascending");

  // Another year: the rows are asked again for it.
  const coverage = await api("trade/coverage");
  const other = String(coverage.years[0]);
  await pick(page, "brief", "year", other);
  await expect(page.locator("#view-brief [data-card=brief-table]")).toHaveAttribute("data-year", other);
});
