import { describe, expect, it } from "vitest";
import { dependence } from "./dependence";
import { event, indicators, share } from "./fixtures";

describe("dependence", () => {
  it("makes one series per partner, largest total first, null where a partner is absent", () => {
    const d = dependence(
      [share(2021, [["CHN", 30, false], ["CHL", 10, true]]), share(2020, [["CHL", 50, true]])],
      [indicators(2020, 40, 5), null],
      { mineral: "lithium", country: null, activeOn: null, hs: null, statusOn: "2026-11-28", isSample: false, source: "", count: 3, continuation: "", items: [
        event("a", "2021-08-01", ["lithium"], "A", "partly-in-force"),
        event("b", "2019-01-01", ["lithium"], "too early", "in-force"),
        event("d", "2021-10-09", ["ree"], "D, on the mineral's group", null),
      ] },
      "lithium",
    );
    expect(d.years).toEqual(["2020", "2021"]);
    expect(d.partners.map((p) => [p.key, p.values, p.isSample])).toEqual([
      ["CHL", [50, 10], true],
      ["CHN", [null, 30], false],
    ]);
    expect(d.lines.map((l) => [l.year, l.chinaSharePercent, l.usftaSharePercent, l.mspSharePercent])).toEqual([
      [2020, 0, 40, 5],
      [2021, 75, null, null],
    ]);
    // The register's answer for the mineral already matches its group: every event dated within the years is marked.
    expect(d.markers).toEqual([
      { year: "2021", date: "2021-08-01", title: "A", status: "partly in force" },
      { year: "2021", date: "2021-10-09", title: "D, on the mineral's group", status: "status unknown after the sources' dates" },
    ]);
    expect(d.rows).toHaveLength(3);
    expect(d.declarers).toEqual(["CHL", "CHN"]);
    expect(d.containsSample).toBe(true);
    expect(d.empty).toBe(false);
  });

  it("is empty when no year has partner rows", () => {
    const d = dependence([share(2020, [])], [], null, "lithium");
    expect(d.empty).toBe(true);
    expect(d.lines[0].chinaSharePercent).toBeNull();
  });

  it("marks a partner summed from months", () => {
    const s = share(2023, [["CHN", 10, false]]);
    s.items[0].fromMonths = true;
    expect(dependence([s], [], null, "graphite").rows[0].fromMonths).toBe(true);
  });
});
