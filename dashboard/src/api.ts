// Relative URLs: the page is served by the same host as /api (or configured with a base for a separate origin).

export class ApiError extends Error {
  constructor(public readonly status: number, public readonly path: string, detail: string) {
    super(`${path}: HTTP ${status}${detail ? ` — ${detail}` : ""}`);
  }
}

/** Where /api lives: same origin by default; a deployment may set window.FEEDS_API_BASE (config.js) to the Function App. */
export function apiBase(): string {
  const base = (window as unknown as { FEEDS_API_BASE?: string }).FEEDS_API_BASE;
  return base ? base.replace(/\/$/, "") : ".";
}

export async function getJson<T>(path: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${apiBase()}/api/${path}`, { headers: { Accept: "application/json" } });
  } catch (e) {
    throw new ApiError(0, path, `network error: ${(e as Error).message}`);
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

  return (await response.json()) as T;
}
