import { describe, expect, it } from "vitest";
import { addMonths, defaultEvent, markers, studyLine, windows } from "./events";
import { event, impactMonth, impactWindow } from "./fixtures";
import type { EventImpact } from "../types";

const impact = (over: Partial<EventImpact> = {}): EventImpact => ({
  event: { id: "e", title: "E", kind: "licensing", country: "CHN", number: "No. 1", date: "2023-12-01", inForce: "2023-12-01", tookEffect: true },
  referenceMonth: "2023-12", referenceBasis: "", reporter: "CHN", partner: "IND", partnerCode: 699, mineral: "graphite", mineralInEvent: true,
  flow: "X", flowBasis: "", hsCodes: ["250410"], hsBasis: "", hsMappingPartial: [], months: 2,
  change: { from: "before", to: "after", valuePercent: null, netWeightPercent: null, unitValuePercent: null },
  baselineChange: { from: "baseline-before", to: "baseline-after", valuePercent: null, netWeightPercent: null, unitValuePercent: null },
  yearOnYearChange: { from: "baseline-after", to: "after", valuePercent: null, netWeightPercent: null, unitValuePercent: null },
  monthly: [
    impactMonth("2022-10", "baseline-before", 1), impactMonth("2022-11", "baseline-before", 2),
    impactMonth("2022-12", "baseline-after", 3), impactMonth("2023-01", "baseline-after", null),
    impactMonth("2023-10", "before", 10), impactMonth("2023-11", "before", null),
    impactMonth("2023-12", "after", 30), impactMonth("2024-01", "after", 40),
  ],
  containsSample: false, source: "", count: 4, continuation: "",
  items: [
    impactWindow("before", "2023-10", "2023-11", 10, 0.5), impactWindow("after", "2023-12", "2024-01", 35, 0.4),
    impactWindow("baseline-before", "2022-10", "2022-11", 1.5, 0.6), impactWindow("baseline-after", "2022-12", "2023-01", 3, 0.7),
  ],
  ...over,
});

describe("event study", () => {
  it("adds months across years", () => {
    expect([addMonths("2023-12", 1), addMonths("2024-01", -12), addMonths("2024-03", -15)]).toEqual(["2024-01", "2023-01", "2022-12"]);
  });

  it("lines up each month with the same month a year earlier; a month without rows stays empty, never zero", () => {
    const l = studyLine(impact());
    expect(l.months).toEqual(["2023-10", "2023-11", "2023-12", "2024-01"]);
    expect(l.values).toEqual([10, null, 30, 40]);
    expect(l.baseline).toEqual([1, 2, 3, null]);
  });

  it("orders the windows a year earlier first", () => {
    expect(windows(impact()).map((w) => [w.window, w.valueUsdPerMonth])).toEqual([
      ["baseline-before", 1.5], ["baseline-after", 3], ["before", 10], ["after", 35],
    ]);
  });

  it("marks the in-force month and status changes within the charted months", () => {
    const e = event("e", "2023-12-01", ["graphite"], "E", "in-force", {
      statusHistory: [
        { status: "announced", from: "2023-10-20", until: "2023-12-01", by: null, part: null, partNote: null, note: null, citation: "", confirmed: true },
        { status: "in-force", from: "2023-12-01", until: null, by: null, part: null, partNote: null, note: null, citation: "", confirmed: true },
        { status: "suspended", from: "2024-01-09", until: null, by: null, part: "clause 2", partNote: null, note: null, citation: "", confirmed: true },
        { status: "lifted", from: "2025-01-01", until: null, by: null, part: null, partNote: null, note: null, citation: "", confirmed: true },
      ],
    });
    const l = studyLine(impact());
    expect(markers(impact(), e, l.months)).toEqual([
      { month: "2023-10", label: "announced 2023-10-20" },
      { month: "2023-12", label: "in force 2023-12-01" },
      { month: "2024-01", label: "suspended 2024-01-09 (clause 2)" },
    ]);
  });

  it("marks the announcement for a measure that never took effect", () => {
    const i = impact({ event: { ...impact().event, tookEffect: false, date: "2025-10-09" }, referenceMonth: "2025-10" });
    expect(markers(i, undefined, [])[0]).toEqual({ month: "2025-10", label: "announced 2025-10-09" });
  });

  it("defaults to the first measure on the mineral that took effect, by a country the feed pulls, not a suspension", () => {
    const list = [
      event("s", "2025-11-07", ["graphite"], "suspension", "in-force", { kind: "suspension" }),
      event("late", "2024-12-03", ["graphite", "gallium"], "ban", "partly-in-force"),
      event("never", "2023-01-01", ["graphite"], "never", null, { tookEffect: false }),
      event("first", "2023-12-01", ["graphite"], "licensing", "in-force"),
      event("idn", "2020-01-01", ["nickel"], "nickel ban", "in-force", { country: "IDN" }),
      event("lithium-never", "2025-10-09", ["lithium"], "never", null, { tookEffect: false }),
    ];
    expect(defaultEvent(list, ["graphite"], ["CHN"])?.id).toBe("first");
    // No measure on lithium took effect: the next preferred mineral's.
    expect(defaultEvent(list, ["lithium", "graphite"], ["CHN"])?.id).toBe("first");
    // Indonesia's trade is not pulled: its measure is no default.
    expect(defaultEvent(list, ["nickel"], ["CHN"])?.id).toBe("first");
    expect(defaultEvent(list, ["nickel"], ["CHN", "IDN"])?.id).toBe("idn");
    expect(defaultEvent(list, ["gold"], [])).toBeUndefined();
  });
});
