// Trade by partner over the years (the dependence view): pure functions, unit-tested in dependence.test.ts.
import type { EventList, IndicatorList, PartnerShares } from "../types";

export interface PartnerSeries {
  key: string;
  name: string;
  /** USD per year, null where the partner does not appear that year. */
  values: (number | null)[];
  isSample: boolean;
}

export interface DependenceRow {
  year: number;
  partner: string;
  partnerName: string;
  valueUsd: number;
  sharePercent: number;
  fromMonths: boolean;
  isSample: boolean;
}

export interface YearRow {
  year: number;
  chinaSharePercent: number | null;
  hhi: number | null;
  usftaSharePercent: number | null;
  mspSharePercent: number | null;
  isSample: boolean;
}

export interface EventMarker {
  year: string;
  date: string;
  title: string;
  /** The register's status today, in words ("in force", "suspended", "status unknown"). */
  status: string;
}

/** A register status as a marker shows it. */
export function statusWords(status: string | null): string {
  return status === null ? "status unknown after the sources' dates" : status.replaceAll("-", " ");
}

export interface Dependence {
  years: string[];
  partners: PartnerSeries[];
  lines: YearRow[];
  rows: DependenceRow[];
  markers: EventMarker[];
  /** For a mirror answer: the countries whose declarations it holds (the partner column), by name. */
  declarers: string[];
  containsSample: boolean;
  empty: boolean;
}

export const partnerKey = (p: { partner: string | null; partnerCode: number }) => p.partner ?? `code:${p.partnerCode}`;

/**
 * Trade by partner over the years: one stacked series per partner (ordered by total value, largest first), China's
 * share and HHI from /api/trade/partners, US-FTA and MSP shares from /api/indicators (null where none was given),
 * register events within the years (with their status today). `events` is the register's answer for the mineral
 * (/api/events?mineral=), which already matches its group and members.
 */
export function dependence(
  shares: PartnerShares[], indicators: (IndicatorList | null)[], events: EventList | null, mineral: string,
): Dependence {
  const sorted = [...shares].sort((a, b) => a.year - b.year);
  const years = sorted.map((s) => String(s.year));
  const totals = new Map<string, { name: string; total: number; isSample: boolean }>();
  const rows: DependenceRow[] = [];
  for (const s of sorted) {
    for (const p of s.items) {
      const key = partnerKey(p);
      const t = totals.get(key) ?? { name: p.partnerName, total: 0, isSample: false };
      t.total += p.valueUsd;
      t.isSample ||= p.isSample;
      totals.set(key, t);
      rows.push({
        year: s.year, partner: key, partnerName: p.partnerName, valueUsd: p.valueUsd, sharePercent: p.sharePercent,
        fromMonths: p.fromMonths, isSample: p.isSample,
      });
    }
  }

  const partners = [...totals.entries()]
    .sort((a, b) => b[1].total - a[1].total || a[0].localeCompare(b[0]))
    .map(([key, t]) => ({
      key,
      name: t.name,
      isSample: t.isSample,
      values: sorted.map((s) => s.items.find((p) => partnerKey(p) === key)?.valueUsd ?? null),
    }));

  const lines = sorted.map((s) => {
    const list = indicators.find((i) => i?.year === s.year);
    const item = list?.items.find((i) => i.mineral === mineral);
    return {
      year: s.year,
      chinaSharePercent: s.chinaSharePercent,
      hhi: s.hhi,
      usftaSharePercent: item?.imports?.usftaSharePercent ?? null,
      mspSharePercent: item?.imports?.mspSharePercent ?? null,
      isSample: s.containsSample || (item?.isSample ?? false),
    };
  });

  const markers = (events?.items ?? [])
    .filter((e) => years.includes(e.date.slice(0, 4)))
    .map((e) => ({ year: e.date.slice(0, 4), date: e.date, title: e.title, status: statusWords(e.status) }));

  return {
    years,
    partners,
    lines,
    rows,
    markers,
    declarers: partners.map((p) => p.name),
    containsSample: sorted.some((s) => s.containsSample) || indicators.some((i) => i?.containsSample ?? false),
    empty: rows.length === 0,
  };
}
