// End-to-end tests: the built dashboard, served by the local host, in headless Debian Chromium driven by
// playwright-core. Each chart must hold the numbers the API returns for the same selection.
// Usage: BASE_URL=http://127.0.0.1:7071 node e2e/run.mjs   (prints "e2e: N passed, N failed"; exit 1 on failure)
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import assert from "node:assert/strict";

const base = (process.env.BASE_URL ?? "http://127.0.0.1:7071").replace(/\/$/, "");
const shots = resolve(process.env.SCREENSHOT_DIR ?? join(import.meta.dirname, "..", "..", "tests", "dashboard-screenshots"));
const YEARS = [2020, 2021, 2022, 2023, 2024];
mkdirSync(shots, { recursive: true });

const api = async (path) => {
  const r = await fetch(`${base}/api/${path}`);
  assert.equal(r.status, 200, `${path} answered ${r.status}`);
  return r.json();
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
  // Playwright starts Chromium with a fresh temporary profile of its own (it refuses --user-data-dir here).
});

let passed = 0, failed = 0;
async function test(name, body, viewport = { width: 1280, height: 900 }) {
  const page = await browser.newPage({ viewport, reducedMotion: "reduce" });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  try {
    await body(page);
    assert.deepEqual(errors, [], "no uncaught page errors");
    passed++;
    console.log(`  ok    ${name}`);
  } catch (e) {
    failed++;
    console.log(`  FAIL  ${name}\n        ${String(e?.stack ?? e).split("\n").slice(0, 6).join("\n        ")}`);
  } finally {
    await page.close();
  }
}

async function open(page, view) {
  await page.goto(`${base}/#${view}`);
  await settled(page, view);
}
async function settled(page, view, state = "ready") {
  await page.waitForFunction(([v, s]) => document.getElementById(`view-${v}`)?.dataset.state === s, [view, state], { timeout: 20000 });
}
async function shot(page, name) {
  const path = join(shots, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  console.log(`        screenshot ${path}`);
}
/** The series of a drawn chart, read from its ECharts instance: [{ id, name, data }]. */
const series = (page, chart) => page.evaluate((id) =>
  window.__charts[id].getOption().series.map((s) => ({ id: s.id, name: s.name, data: s.data })), chart);
const axis = (page, chart, which) => page.evaluate(([id, w]) => window.__charts[id].getOption()[w][0].data, [chart, which]);
const num = (v) => (v === undefined || v === null || v === "-" ? null : typeof v === "object" ? num(v.value) : v);

async function checkDependence(page, reporter, mineral) {
  const shares = await Promise.all(YEARS.map((y) => api(`trade/partners?reporter=${reporter}&mineral=${mineral}&flow=M&year=${y}`)));
  const indicators = await Promise.all(YEARS.map((y) => api(`indicators?reporter=${reporter}&year=${y}&mineral=${mineral}`)));
  assert.deepEqual(await axis(page, "dependence-sources", "xAxis"), YEARS.map(String));
  const bars = await series(page, "dependence-sources");
  const expected = new Map();
  shares.forEach((s, i) => s.items.forEach((p) => {
    const key = p.partner ?? `code:${p.partnerCode}`;
    if (!expected.has(key)) expected.set(key, YEARS.map(() => null));
    expected.get(key)[i] = p.valueUsd;
  }));
  assert.deepEqual(new Set(bars.map((b) => b.id)), new Set(expected.keys()), "one stacked series per partner");
  for (const b of bars) assert.deepEqual(b.data.map(num), expected.get(b.id), `partner ${b.id} values`);
  assert.ok(bars.length > 0, "some partners drawn");

  const lines = Object.fromEntries((await series(page, "dependence-lines")).map((s) => [s.id, s.data.map(num)]));
  assert.deepEqual(lines.china, shares.map((s) => s.chinaSharePercent), "China share");
  assert.deepEqual(lines.hhi, shares.map((s) => s.hhi), "HHI");
  const imports = indicators.map((l) => l.items.find((i) => i.mineral === mineral)?.imports ?? null);
  assert.deepEqual(lines.usfta, imports.map((i) => i?.usftaSharePercent ?? null), "US-FTA share");
  assert.deepEqual(lines.msp, imports.map((i) => i?.mspSharePercent ?? null), "MSP share");

  // Export-control markers: one per /api/events entry for the mineral dated within the charted years.
  const events = (await api(`events?mineral=${mineral}`)).items.filter((e) => YEARS.map(String).includes(e.date.slice(0, 4)));
  const marks = await page.evaluate(() => window.__charts["dependence-sources"].getOption().series[0].markLine?.data ?? []);
  assert.deepEqual(marks.map((m) => m.xAxis).sort(), events.map((e) => e.date.slice(0, 4)).sort(), "event markers");
  return shares;
}

async function checkRanked(page, mineral) {
  const list = await api(`reserves?mineral=${mineral}`);
  assert.equal(list.edition, list.editions[0], "the view shows the newest edition by default");
  for (const [measure, chart] of [["reserves", "reserves-reserves"], ["mine-production", "reserves-production"]]) {
    const items = list.items.filter((i) => i.measure === measure && i.product === "main");
    const year = Math.max(...items.map((i) => i.year));
    const named = items.filter((i) => i.year === year && !i.isAggregate && i.valueTons !== null);
    const countries = await axis(page, chart, "yAxis");
    const values = (await series(page, chart))[0].data.map(num);
    const drawn = Object.fromEntries(countries.map((c, i) => [c, values[i]]));
    assert.deepEqual(drawn, Object.fromEntries(named.map((i) => [i.country, i.valueTons])), `${measure} ${year}`);
  }
  // The series of the largest producer: one line per edition, each point the edition's figure for the year.
  const top = list.items.find((i) => i.measure === "mine-production" && i.product === "main" && i.rank === 1
    && i.year === Math.max(...list.items.filter((x) => x.measure === "mine-production" && x.product === "main").map((x) => x.year)));
  const history = await api(`reserves/series?mineral=${mineral}&country=${top.iso3}&measure=mine-production&editions=all`);
  const years = await axis(page, "reserves-series", "xAxis");
  const lines = await series(page, "reserves-series");
  for (const line of lines) {
    const expected = years.map((y) => history.items.find((i) => i.edition === line.name && String(i.year) === y)?.valueTons ?? null);
    assert.deepEqual(line.data.map(num), expected, `series ${line.name}`);
  }
  assert.deepEqual(lines.map((l) => l.name).sort(), [...new Set(history.items.map((i) => i.edition))].sort(), "one line per edition");
}

try {
  await test("dependence: India lithium chart holds /api/trade/partners and /api/indicators numbers; sample labelled", async (page) => {
    await open(page, "dependence");
    const shares = await checkDependence(page, "IND", "lithium");
    // The banner shows exactly when a charted answer holds sample rows (either way is checked).
    assert.equal(await page.locator("#view-dependence .banner").isVisible(), shares.some((s) => s.containsSample), "sample banner iff sample rows");
    const csv = await page.locator("#view-dependence a.csv").first().getAttribute("data-csv");
    const rows = shares.reduce((n, s) => n + s.items.length, 0);
    assert.equal(csv.trim().split("\r\n").length, rows + 1, "CSV has a header and one line per partner-year");
    await page.locator("#view-dependence details summary").first().click();
    assert.equal(await page.locator("#view-dependence details table tbody tr").first().isVisible(), true, "table view opens");
    await shot(page, "dependence");
  });

  await test("dependence: the pickers change the chart (USA graphite)", async (page) => {
    await open(page, "dependence");
    await page.selectOption("#pick-reporter", "USA");
    await settled(page, "dependence");
    await page.selectOption("#pick-mineral", "graphite");
    await settled(page, "dependence");
    await checkDependence(page, "USA", "graphite");
    await shot(page, "dependence-usa-graphite");
  });

  await test("reserves: ranked bars equal /api/reserves for lithium, then cobalt", async (page) => {
    await open(page, "reserves");
    await checkRanked(page, "lithium");
    await shot(page, "reserves");
    await page.selectOption("#pick-reserves-mineral", "cobalt");
    await settled(page, "reserves");
    await checkRanked(page, "cobalt");
  });

  await test("overlap: counts equal /api/minerals for IN2023 with US2025, then US2022", async (page) => {
    await open(page, "overlap");
    for (const us of ["US2025", "US2022"]) {
      if (us !== "US2025") {
        await page.selectOption("#pick-us-list", us);
        await settled(page, "overlap");
      }
      const expected = [
        (await api("minerals?lists=IN2023")).count,
        (await api(`minerals?lists=${us}`)).count,
        (await api(`minerals?lists=IN2023,${us}&counting=group`)).count,
        (await api(`minerals?lists=IN2023,${us}&counting=element`)).count,
      ];
      assert.deepEqual((await series(page, "overlap-counts"))[0].data.map(num), expected, us);
      if (us === "US2025") await shot(page, "overlap");
    }
  });

  await test("feeds: one bar per feed in /api/health; the latest snapshot's files as the manifest lists them", async (page) => {
    await open(page, "feeds");
    const health = await api("health");
    const feeds = health.checks.filter((c) => c.name.startsWith("feed:"));
    assert.equal((await series(page, "feeds-age"))[0].data.length, feeds.length);
    // `up` publishes a snapshot before it serves, so there is one to show.
    const manifest = await api("snapshots/latest");
    await page.waitForSelector("#view-feeds .snapshot table tbody tr");
    const rows = await page.$$eval("#view-feeds .snapshot table tbody tr", (trs) =>
      trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
    assert.ok(manifest.files.length > 0, "the manifest lists files");
    assert.deepEqual(
      rows.map((r) => [r[0], r[1], Number(r[2].replaceAll(",", ""))]),
      manifest.files.map((f) => [f.dataset, f.format, f.rows]));
    await shot(page, "feeds");
  });

  await test("error state: a 500 from /api/trade/partners shows an alert with Retry", async (page) => {
    await page.route("**/api/trade/partners**", (route) => route.fulfill({
      status: 500, contentType: "application/problem+json",
      body: JSON.stringify({ type: "tag:feeds,2026:problem:internal-error", title: "Internal error", status: 500, detail: "test" }),
    }));
    await page.goto(`${base}/#dependence`);
    await settled(page, "dependence", "error");
    const alert = page.locator("#view-dependence [role=alert]");
    assert.match(await alert.textContent(), /HTTP 500/);
    assert.ok(await alert.locator("button", { hasText: "Retry" }).isVisible());
    await page.unroute("**/api/trade/partners**");
    await alert.locator("button").click();
    await settled(page, "dependence");
  });

  await test("phone width: no sideways scrolling, charts drawn", async (page) => {
    await open(page, "dependence");
    const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: innerWidth }));
    assert.ok(scroll <= width + 1, `page is ${scroll}px wide in a ${width}px viewport`);
    await shot(page, "dependence-phone");
  }, { width: 390, height: 844 });

  await test("keyboard: arrow keys move between tabs", async (page) => {
    await open(page, "dependence");
    await page.focus("#tab-dependence");
    await page.keyboard.press("ArrowRight");
    await settled(page, "reserves");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "tab-reserves");
  });
} finally {
  await browser.close();
}

console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
