import { describe, expect, it } from "vitest";
import { briefRow, isReal, type BriefInput } from "./brief";
import { candidate, event, indicatorItem, mineralItem, reservesItem, reservesList, share, sourcing } from "./fixtures";

const input = (over: Partial<BriefInput> = {}): BriefInput => ({
  mineral: mineralItem("graphite", "Graphite"),
  reported: share(2024, [["CHN", 90, true], ["MOZ", 10, true]]),
  mirror: { ...share(2024, [["CHN", 75, false], ["X490", 25, false]]), source: "mirror" },
  reserves: reservesList([
    reservesItem("reserves", 2025, "IND", 8_600_000, { rank: 8, shareOfWorld: 0.0277, edition: "MCS2026" }),
    reservesItem("mine-production", 2024, "IND", 17_600, { rank: 7, shareOfWorld: 0.0114, edition: "MCS2026" }),
    reservesItem("mine-production", 2025, "IND", 17_000, { rank: 7, shareOfWorld: 0.0094, edition: "MCS2026" }),
  ], { edition: "MCS2026" }),
  controls: { mineral: "graphite", country: null, activeOn: "2026-11-28", hs: null, statusOn: "2026-11-28", isSample: false, source: "", count: 1, continuation: "",
    items: [event("chn-2023-graphite-licensing", "2023-12-01", ["graphite"], "China: graphite licensing", "in-force")] },
  sourcing: sourcing([candidate(1, "CHN", 1e8, 1), candidate(2, "BRA", 7.4e7, 2), candidate(3, "MOZ", 2.5e7, 4), candidate(4, "AUS", null, null),
    candidate(5, "CAN", 5e6, 9), candidate(6, "USA", 1e6, 12)]),
  memberships: new Map([["AUS", ["MSP", "QUAD", "USFTA"]], ["CAN", ["MSP", "USFTA"]], ["USA", ["MSP", "QUAD"]], ["BRA", []], ["MOZ", ["OTHER"]]]),
  usIndicator: indicatorItem("graphite", 2024, { usftaSharePercent: 24.9, usftaScenarioSharePercent: 30.15, isSample: true }),
  ...over,
});

describe("briefRow", () => {
  it("takes the mirror when India's own figures are sample, and says so", () => {
    const r = briefRow(input());
    expect(r.importSource).toBe("mirror");
    expect(r.chinaSharePercent).toBe(75);
    expect(r.importValueUsd).toBe(100);
    expect(r.topSources).toBe("CHN 75.0%; X490 25.0%");
  });

  it("takes India's own figures where they are real", () => {
    const r = briefRow(input({ reported: share(2024, [["CHN", 40, false], ["AUS", 60, false]]) }));
    expect(r.importSource).toBe("reported");
    expect(r.chinaSharePercent).toBe(40);
  });

  it("shows no import figures when neither answer is real", () => {
    const r = briefRow(input({ mirror: null }));
    expect([r.importSource, r.chinaSharePercent, r.importValueUsd, r.topSources]).toEqual([null, null, null, ""]);
    expect(isReal(share(2024, []))).toBe(false);
  });

  it("gives India's latest reserves and production with rank and world share", () => {
    const r = briefRow(input());
    expect([r.reservesTons, r.reservesRank, r.reservesSharePercent, r.reservesYear]).toEqual([8_600_000, 8, 2.77, 2025]);
    expect([r.productionMeasure, r.productionTons, r.productionRank, r.productionSharePercent, r.productionYear]).toEqual(["mine-production", 17_000, 7, 0.94, 2025]);
    expect(r.usgsEdition).toBe("MCS2026");
  });

  it("takes refinery production when there is no mine production", () => {
    const r = briefRow(input({ reserves: reservesList([reservesItem("refinery-production", 2024, "IND", 5, { rank: 3 })]) }));
    expect([r.productionMeasure, r.productionTons, r.reservesTons]).toEqual(["refinery-production", 5, null]);
  });

  it("names the controls in force and up to three candidates in MSP, the Quad or US-FTA, in sourcing order", () => {
    const r = briefRow(input());
    expect([r.controlCount, r.controls]).toEqual([1, "chn-2023-graphite-licensing"]);
    expect(r.candidates).toBe("AUS; CAN; USA");
    expect(r.candidateReservesTons).toBe("; 5000000; 1000000");
    expect(r.candidateText).toBe("AUS (MSP QUAD USFTA), reserves —; CAN (MSP USFTA), 5,000,000 t #9; USA (MSP QUAD), 1,000,000 t #12");
  });

  it("computes the CMPA scenario's effect on the US-FTA share, flagged sample with its inputs", () => {
    const r = briefRow(input());
    expect([r.usftaSharePercent, r.usftaScenarioSharePercent, r.cmpaEffectPoints, r.cmpaSample]).toEqual([24.9, 30.15, 5.25, true]);
    const none = briefRow(input({ usIndicator: undefined }));
    expect([none.usftaSharePercent, none.cmpaEffectPoints, none.cmpaSample]).toEqual([null, null, false]);
  });
});
