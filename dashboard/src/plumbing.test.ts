import { afterEach, describe, expect, it, vi } from "vitest";
import { api, ApiError, apiPath, pooled, RATE_LIMIT_RETRIES, retryAfterSeconds } from "./api";
import { comtrade, usgs } from "./sources";
import { DEFAULTS, format, parse } from "./state";
import { formatSort, parseSort, sortRows, toCsv, type Column } from "./table";

describe("state in the URL", () => {
  it("reads the keys it knows, in any order, and writes them in a fixed order", () => {
    const s = parse("?mineral=graphite&view=brief&year=2023&junk=1");
    expect(s).toEqual({ view: "brief", mineral: "graphite", year: "2023" });
    expect(format({ year: "2023", mineral: "graphite", view: "brief" })).toBe("?view=brief&mineral=graphite&year=2023");
  });

  it("opens the default view for an unknown one, and an old #hash link on its view", () => {
    expect(parse("?view=nope").view).toBe(DEFAULTS.view);
    expect(parse("", "#reserves").view).toBe("reserves");
    expect(parse("?view=events", "#reserves").view).toBe("events");
  });

  it("round-trips values that need escaping", () => {
    expect(parse(format({ view: "brief", sort: "China share %:desc" }))).toEqual({ view: "brief", sort: "China share %:desc" });
  });
});

describe("apiPath", () => {
  it("fills path parameters and appends the query in the order given, leaving undefined out", () => {
    expect(apiPath("/events/{id}/impact", { path: { id: "chn 1" }, query: { reporter: "CHN", partner: "IND", mineral: "graphite", hs: undefined, months: 6 } }))
      .toBe("events/chn%201/impact?reporter=CHN&partner=IND&mineral=graphite&months=6");
    expect(apiPath("/health")).toBe("health");
  });
});

describe("api and the rate limiter", () => {
  afterEach(() => vi.unstubAllGlobals());
  const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });

  it("waits out a 429 for its Retry-After and returns the answer that follows", async () => {
    const fetch = vi.fn()
      .mockResolvedValueOnce(answer(429, { title: "Too many requests" }, { "Retry-After": "0" }))
      .mockResolvedValueOnce(answer(429, { title: "Too many requests" }, { "Retry-After": "0" }))
      .mockResolvedValueOnce(answer(200, { status: "healthy" }));
    vi.stubGlobal("fetch", fetch);
    expect(await api("/health")).toEqual({ status: "healthy" });
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it("gives up after its retries, and at once when Retry-After asks for too long, naming the path and the problem", async () => {
    const fetch = vi.fn(async () => answer(429, { title: "Too many requests", detail: "slow down" }, { "Retry-After": "0" }));
    vi.stubGlobal("fetch", fetch);
    await expect(api("/health")).rejects.toThrow(new ApiError(429, "health", "Too many requests: slow down"));
    expect(fetch).toHaveBeenCalledTimes(RATE_LIMIT_RETRIES + 1);

    fetch.mockClear();
    fetch.mockImplementation(async () => answer(429, { title: "Too many requests" }, { "Retry-After": "3600" }));
    await expect(api("/health")).rejects.toThrow(ApiError);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("reads Retry-After as seconds: absent or unreadable is 1, beyond 10 is not waited for", () => {
    expect([retryAfterSeconds(null), retryAfterSeconds("abc"), retryAfterSeconds("2"), retryAfterSeconds("11")]).toEqual([1, 1, 2, null]);
  });

  it("does not retry other errors", async () => {
    const fetch = vi.fn(async () => answer(400, { title: "Bad parameter" }));
    vi.stubGlobal("fetch", fetch);
    await expect(api("/health")).rejects.toThrow("health: HTTP 400 — Bad parameter");
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

describe("pooled", () => {
  it("keeps the order of the items and never runs more than the limit at once", async () => {
    let running = 0, most = 0;
    const out = await pooled([5, 1, 4, 2, 3], 2, async (n) => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, n));
      running--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30]);
    expect(most).toBe(2);
  });
});

describe("tables", () => {
  const cols: Column<{ a: string; b: number | null }>[] = [{ label: "A", value: (r) => r.a }, { label: "B, value", value: (r) => r.b, numeric: true }];
  const rows = [{ a: "x", b: 2 }, { a: "y", b: null }, { a: "z", b: 10 }, { a: "w", b: 2 }];

  it("writes RFC 4180: header, quoted fields with commas or quotes, empty for null, CRLF", () => {
    expect(toCsv(cols, [{ a: 'say "hi"', b: 1.5 }, { a: "x", b: null }])).toBe('A,"B, value"\r\n"say ""hi""",1.5\r\nx,\r\n');
  });

  it("sorts numbers as numbers, empty cells last both ways, ties in their order", () => {
    expect(sortRows(cols, rows, { column: "B, value", descending: false }).map((r) => r.a)).toEqual(["x", "w", "z", "y"]);
    expect(sortRows(cols, rows, { column: "B, value", descending: true }).map((r) => r.a)).toEqual(["z", "x", "w", "y"]);
    expect(sortRows(cols, rows, { column: "A", descending: false }).map((r) => r.a)).toEqual(["w", "x", "y", "z"]);
    expect(sortRows(cols, rows, null)).toBe(rows);
  });

  it("reads and writes the sort the URL keeps; an unknown column is no sort", () => {
    expect(parseSort("B, value:desc", cols)).toEqual({ column: "B, value", descending: true });
    expect(parseSort("A", cols)).toEqual({ column: "A", descending: false });
    expect(parseSort("Z:desc", cols)).toBeNull();
    expect(formatSort({ column: "A", descending: true })).toBe("A:desc");
  });
});

describe("source captions", () => {
  it("names Comtrade reported, Comtrade mirror (with who reported) and the USGS edition", () => {
    expect(comtrade("India", "reported", "M")).toBe("UN Comtrade, reported: imports as India declares them (CIF)");
    expect(comtrade("India", "mirror", "M", ["China"])).toBe("UN Comtrade, mirror: imports of India as its partners report them (reports loaded from: China)");
    expect(usgs("MCS2026")).toBe("USGS Mineral Commodity Summaries 2026 (MCS2026)");
  });
});
