import { takeToken } from "./session";

/** A problem+json answer (RFC 9457) or a transport failure. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    readonly detail: string,
    readonly errors: Record<string, string[]> | undefined,
  ) {
    super(detail);
  }

  /**
   * Asked of routes that a Herald of an older version may not have (the caller knows the resource exists): the page
   * says "not available" rather than failing.
   */
  get unavailable(): boolean {
    return this.status === 404 || this.status === 405;
  }

  /** What to tell the user: the problem's detail, with the fields it names. */
  describe(): string {
    const fields = this.errors ? Object.entries(this.errors).map(([field, messages]) => `${field}: ${messages.join(" ")}`) : [];
    return [this.detail, ...fields].filter(Boolean).join(" — ");
  }
}

export interface Page<T> {
  data: T[];
  next_cursor: string | null;
  has_more?: boolean;
}

let token: string | null = null;

export function currentToken(): string | null {
  token ??= takeToken();
  return token;
}

type Query = Record<string, string | number | undefined | null>;

export async function api<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const url = new URL(path, window.location.origin);
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== "") {
      url.searchParams.set(name, String(value));
    }
  }
  const headers: Record<string, string> = { Accept: "application/json" };
  const credential = currentToken();
  if (credential) {
    headers.Authorization = `Bearer ${credential}`;
  }
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
  }
  let response: Response;
  try {
    response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: "omit" });
  } catch {
    throw new ApiError(0, "network_error", "Herald could not be reached. Check your connection.", undefined);
  }
  const text = await response.text();
  const json = text ? safeParse(text) : undefined;
  if (!response.ok) {
    if (response.status === 401) {
      // The token expired or was revoked while the page was open: the page says so (main.ts) rather than erroring.
      window.dispatchEvent(new CustomEvent("herald:unauthorized"));
    }
    const problem = (json ?? {}) as { code?: string; detail?: string; title?: string; errors?: Record<string, string[]> };
    throw new ApiError(response.status, problem.code, problem.detail ?? problem.title ?? `HTTP ${response.status}`, problem.errors);
  }
  return json as T;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Every row of a list, page after page along `next_cursor` (250 a page, at most `maxPages` pages: an account holds
 * 1,000 webhooks by default, a catalog a few hundred types).
 */
export async function listAll<T>(path: string, maxPages = 40): Promise<T[]> {
  const rows: T[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < maxPages; page++) {
    const answer: Page<T> = await api<Page<T>>("GET", path, undefined, { limit: 250, cursor });
    rows.push(...answer.data);
    cursor = answer.next_cursor;
    if (!cursor) {
      break;
    }
  }
  return rows;
}
