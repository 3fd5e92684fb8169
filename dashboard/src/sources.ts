// How a caption names the source of its figures: UN Comtrade as reported or as mirrored, or a USGS edition.

export type TradeSource = "reported" | "mirror";

/**
 * `UN Comtrade, reported: imports as India declares them (CIF)` or `UN Comtrade, mirror: imports of India as its
 * partners report them (reports loaded from: China)`.
 */
export function comtrade(reporterName: string, source: TradeSource, flow: "M" | "X", declarers: string[] = []): string {
  const what = flow === "M" ? "imports" : "exports";
  if (source === "reported") return `UN Comtrade, reported: ${what} as ${reporterName} declares them (${flow === "M" ? "CIF" : "FOB"})`;
  const from = declarers.length > 0 ? ` (reports loaded from: ${declarers.join(", ")})` : "";
  return `UN Comtrade, mirror: ${what} of ${reporterName} as its partners report them${from}`;
}

/** `USGS Mineral Commodity Summaries 2026 (MCS2026)`. */
export function usgs(edition: string | null): string {
  if (!edition) return "USGS Mineral Commodity Summaries";
  const year = edition.replace(/^MCS/, "");
  return `USGS Mineral Commodity Summaries ${year} (${edition})`;
}

export const register = "the policy register (/api/events), each fact cited";
