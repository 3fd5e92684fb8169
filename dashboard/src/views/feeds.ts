// Feeds: each feed's freshness (/api/health) and the latest partner snapshot (/api/snapshots/latest).
import { api, ApiError } from "../api";
import { card } from "../card";
import { feeds, type FeedRow } from "../shape/feeds";
import { renderTable, type Column } from "../table";
import { frame, latest, message } from "../view";

type SnapshotFile = { dataset: string; format: string; rows: number; bytes: number; sha256: string };

const SNAPSHOT_COLUMNS: Column<SnapshotFile>[] = [
  { label: "dataset", value: (f) => f.dataset },
  { label: "format", value: (f) => f.format },
  { label: "rows", value: (f) => f.rows, format: (f) => f.rows.toLocaleString("en-US"), numeric: true },
  { label: "bytes", value: (f) => f.bytes, format: (f) => f.bytes.toLocaleString("en-US"), numeric: true },
  { label: "SHA-256", value: (f) => f.sha256, format: (f) => `${f.sha256.slice(0, 12)}…` },
];

export function feedsView(panel: HTMLElement): () => Promise<void> {
  const f = frame(panel);
  const refresh = document.createElement("button");
  refresh.type = "button";
  refresh.textContent = "Refresh";
  f.controls.appendChild(refresh);
  const freshness = card<FeedRow>("feeds-age", "Feed freshness", "feed-freshness.csv");
  const snapshot = document.createElement("article");
  snapshot.className = "card";
  snapshot.dataset.card = "feeds-snapshot";
  snapshot.innerHTML = `<h2>Latest partner snapshot</h2><p class="source">Source: /api/snapshots/latest (the manifest as stored)</p><div class="snapshot" aria-live="polite"></div>`;
  f.body.append(freshness.element, snapshot);
  const run = latest();

  const load = (force = false) => run(async (current) => {
    if (!force && panel.dataset.state === "ready") return;
    f.setState("loading");
    try {
      const health = await api("/health");
      if (!current()) return;
      const rows = feeds(health, new Date());
      if (rows.length === 0) return f.setState("empty", "No feed has reported yet.");
      f.setState("ready");
      freshness.show({
        note: "Hours since each feed's last successful run, and its status.",
        source: "/api/health (this deployment's feed runs)",
        sample: false,
        option: {
          tooltip: { trigger: "axis" },
          grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
          yAxis: { type: "category", inverse: true, data: rows.map((r) => `${r.feed} (${r.status})`) },
          xAxis: { type: "value", name: "hours" },
          series: [{ type: "bar", id: "age", name: "Hours since last success", data: rows.map((r) => r.ageHours), label: { show: true, position: "right" } }],
        },
        columns: [
          { label: "Feed", value: (x) => x.feed },
          { label: "Status", value: (x) => x.status },
          { label: "Last success", value: (x) => x.lastSuccess },
          { label: "Hours since", value: (x) => x.ageHours, numeric: true },
          { label: "Last run", value: (x) => x.detail },
        ],
        rows,
      });
      await loadSnapshot(snapshot.querySelector<HTMLElement>(".snapshot")!);
    } catch (e) {
      if (current()) f.setState("error", message(e), () => void load(true));
    }
  });

  refresh.addEventListener("click", () => void load(true));
  return () => load();
}

/** The latest partner snapshot: its folder and files with rows, size and checksum; 404 means none yet, not an error. */
async function loadSnapshot(target: HTMLElement) {
  try {
    const snap = await api("/snapshots/latest");
    const summary = document.createElement("p");
    summary.textContent = `${snap.folder} — generated ${new Date(snap.generatedAt).toISOString().replace("T", " ").slice(0, 16)} UTC, ${snap.files.length} files`;
    const table = renderTable(SNAPSHOT_COLUMNS, snap.files as SnapshotFile[]);
    const wrap = document.createElement("div");
    wrap.className = "table-wrap";
    wrap.appendChild(table);
    target.replaceChildren(summary, wrap);
  } catch (e) {
    target.textContent = e instanceof ApiError && e.status === 404 ? "No snapshot yet." : `Could not load the snapshot: ${(e as Error).message}`;
  }
}
