// Typed calls to /api: the route, its query and its answer come from the generated OpenAPI types, so a call that
// names a parameter the route does not take, or reads a field the answer does not have, fails to compile.
import type { paths } from "./generated/openapi";

export class ApiError extends Error {
  constructor(public readonly status: number, public readonly path: string, detail: string) {
    super(`${path}: HTTP ${status}${detail ? ` — ${detail}` : ""}`);
  }
}

type Get<P extends keyof paths> = paths[P]["get"];
/** The JSON body of a route's 200 answer. */
export type Json<P extends keyof paths> = Get<P> extends { responses: { 200: { content: { "application/json": infer J } } } } ? J : never;
/** The query parameters a route takes. */
export type Query<P extends keyof paths> = Get<P> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
type PathParams<P extends keyof paths> = Get<P> extends { parameters: { path: infer X } } ? X : never;

export interface Call<P extends keyof paths> {
  query?: Query<P>;
  path?: PathParams<P>;
}

/** Where /api lives: same origin by default; a deployment may set window.FEEDS_API_BASE (config.js) to the Function App. */
export function apiBase(): string {
  const base = (globalThis as unknown as { FEEDS_API_BASE?: string }).FEEDS_API_BASE;
  return base ? base.replace(/\/$/, "") : ".";
}

/** The path and query after /api (`trade/partners?reporter=IND&…`): parameters in the order given, undefined left out. */
export function apiPath<P extends keyof paths>(route: P, call: Call<P> = {}): string {
  const path = (route as string).replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(String((call.path as Record<string, unknown> | undefined)?.[name] ?? "")));
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries((call.query ?? {}) as Record<string, unknown>)) {
    if (value !== undefined && value !== null) search.append(key, String(value));
  }
  const query = search.toString();
  return path.slice(1) + (query ? `?${query}` : "");
}

/** How often a 429 is waited out (its Retry-After, at most MAX_RETRY_AFTER_S) before the error is shown. */
export const RATE_LIMIT_RETRIES = 3;
const MAX_RETRY_AFTER_S = 10;

/** Seconds a 429's Retry-After asks for (1 when absent or unreadable), or null when it asks for too long to wait. */
export function retryAfterSeconds(header: string | null): number | null {
  const seconds = header === null || header.trim() === "" ? 1 : Number(header);
  if (!Number.isFinite(seconds) || seconds < 0) return 1;
  return seconds <= MAX_RETRY_AFTER_S ? seconds : null;
}

export async function api<P extends keyof paths>(route: P, call: Call<P> = {}): Promise<Json<P>> {
  const path = apiPath(route, call);
  let response: Response;
  for (let attempt = 0; ; attempt++) {
    try {
      response = await fetch(`${apiBase()}/api/${path}`, { headers: { Accept: "application/json" } });
    } catch (e) {
      throw new ApiError(0, path, `network error: ${(e as Error).message}`);
    }

    // The API's rate limiter (and the edge's) answer 429 with Retry-After: a view that asks many routes at once (the
    // India brief) waits its turn instead of showing an error.
    const wait = response.status === 429 && attempt < RATE_LIMIT_RETRIES ? retryAfterSeconds(response.headers.get("Retry-After")) : null;
    if (wait === null) break;
    await new Promise((resolve) => setTimeout(resolve, wait * 1000));
  }

  if (!response.ok) {
    let detail = response.statusText;
    try {
      const problem = (await response.json()) as { title?: string; detail?: string };
      detail = [problem.title, problem.detail].filter(Boolean).join(": ") || detail;
    } catch {
      // Not problem+json (a proxy's error page): the status line is all there is.
    }
    throw new ApiError(response.status, path, detail);
  }

  return (await response.json()) as Json<P>;
}

/** Runs `work` over `items` with at most `limit` at a time (the India brief asks a few routes per mineral). */
export async function pooled<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
