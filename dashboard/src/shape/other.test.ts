import { describe, expect, it } from "vitest";
import { feeds } from "./feeds";
import { listsOf, overlap } from "./overlap";
import type { MineralList } from "../types";

describe("overlap", () => {
  const ml = (count: number, items: MineralList["items"] = [], isSample = false): MineralList =>
    ({ lists: ["IN2023", "US2022", "US2025"], counting: "published", isSample, count, items, continuation: "" });
  const m = (id: string, name: string, listed: { list: string; as: string[] }[]) =>
    ({ id, name, kind: "element" as const, symbol: null, group: null, members: [], listed, isSample: false });

  it("uses the API's counts and puts minerals on both lists first", () => {
    const all = ml(3, [
      m("tin", "Tin", [{ list: "US2025", as: ["Tin"] }]),
      m("ree", "Rare earths", [{ list: "IN2023", as: ["REE"] }, { list: "US2025", as: ["Cerium", "Lanthanum"] }]),
      m("potash", "Potash", [{ list: "IN2023", as: ["Potash"] }]),
      m("gold", "Gold", []),
    ]);
    const o = overlap("IN2023", "US2025", { india: ml(30), us: ml(60), commonGroup: ml(26), commonElement: ml(45) }, all);
    expect(o.counts.map((c) => c.count)).toEqual([30, 60, 26, 45]);
    expect(o.rows.map((r) => [r.id, r.india, r.us, r.onBoth])).toEqual([
      ["ree", "REE", "Cerium; Lanthanum", true],
      ["potash", "Potash", "", false],
      ["tin", "", "Tin", false],
    ]);
    expect(o.containsSample).toBe(false);
  });

  it("finds each country's lists in the catalog's answer, oldest first", () => {
    expect(listsOf(ml(0), "US")).toEqual(["US2022", "US2025"]);
    expect(listsOf(ml(0), "IN")).toEqual(["IN2023"]);
  });
});

describe("feeds", () => {
  it("keeps feed checks and computes hours since the last success", () => {
    const rows = feeds({
      status: "healthy", checkedAt: "2026-01-01T12:00:00Z",
      checks: [
        { name: "storage", status: "healthy", detail: "", lastSuccess: null },
        { name: "feed:comtrade", status: "healthy", detail: "ok", lastSuccess: "2026-01-01T09:30:00Z" },
        { name: "feed:usgs", status: "unhealthy", detail: "never ran", lastSuccess: null },
      ],
    }, new Date("2026-01-01T12:00:00Z"));
    expect(rows.map((r) => [r.feed, r.status, r.ageHours])).toEqual([["comtrade", "healthy", 2.5], ["usgs", "unhealthy", null]]);
  });
});
