import { api, ApiError, Page } from "./api";
import { Attempt, Delivery, DeliveryDetail } from "./types";

// GET /v1/webhooks/{id}/deliveries answers deliveries (dlv_…, one per event) in this round's contract; a Herald of the
// previous version answers the attempt log there (att_… rows with delivery_id). Both read as deliveries here, so the
// page works against either.

type Row = Partial<Delivery> & Partial<Attempt> & { attempts?: number | Attempt[] };

export interface DeliveryFilter {
  status?: string;
  event_type?: string;
  since?: string;
}

export async function listDeliveries(webhookId: string, filter: DeliveryFilter, limit = 50): Promise<Delivery[]> {
  const page = await api<Page<Row>>("GET", `/v1/webhooks/${encodeURIComponent(webhookId)}/deliveries`, undefined, { ...filter, limit });
  return matching(fromRows(page.data), filter);
}

export async function getDelivery(webhookId: string, deliveryId: string): Promise<DeliveryDetail> {
  const base = `/v1/webhooks/${encodeURIComponent(webhookId)}/deliveries`;
  try {
    const row = await api<Row & { request?: DeliveryDetail["request"] }>("GET", `${base}/${encodeURIComponent(deliveryId)}`);
    const attempts = Array.isArray(row.attempts) ? row.attempts : [];
    return { ...fromDelivery(row, attempts.length), request: row.request, attempts_list: attempts };
  } catch (error) {
    if (!(error instanceof ApiError && error.unavailable)) {
      throw error;
    }
  }
  // No detail route: rebuild the delivery from its attempts in the log.
  const page = await api<Page<Row>>("GET", base, undefined, { limit: 250 });
  const attempts = page.data.filter((row) => row.delivery_id === deliveryId).map((row) => row as Attempt).reverse();
  const delivery = fromRows(attempts as Row[]).find((d) => d.id === deliveryId);
  if (!delivery) {
    throw new ApiError(404, "not_found", "The delivery does not exist (or is older than the last 250 attempts).", undefined);
  }
  return { ...delivery, attempts_list: attempts };
}

function fromRows(rows: Row[]): Delivery[] {
  if (rows.length === 0 || rows[0].delivery_id === undefined) {
    return rows.map((row) => fromDelivery(row, typeof row.attempts === "number" ? row.attempts : 0));
  }
  const byDelivery = new Map<string, Delivery>();
  for (const row of rows) {
    const id = row.delivery_id!;
    const seen = byDelivery.get(id);
    if (seen) {
      seen.attempts = Math.max(seen.attempts, row.attempt ?? 0);
      seen.created_at = row.attempted_at ?? seen.created_at;
      continue;
    }
    byDelivery.set(id, {
      id,
      event_id: row.event_id ?? "",
      event_type: row.event_type ?? "",
      status: row.status === "succeeded" ? "succeeded" : row.next_attempt_at ? "pending" : "failed",
      attempts: row.attempt ?? 1,
      created_at: row.attempted_at ?? "",
      next_attempt_at: row.next_attempt_at ?? null,
      last_status_code: row.status_code ?? null,
      last_latency_ms: row.latency_ms ?? null,
      last_error: row.error ?? null,
    });
  }
  return [...byDelivery.values()];
}

function fromDelivery(row: Row, attempts: number): Delivery {
  return {
    id: row.id ?? "",
    event_id: row.event_id ?? "",
    event_type: row.event_type ?? "",
    status: row.status ?? "pending",
    attempts,
    created_at: row.created_at ?? "",
    next_attempt_at: row.next_attempt_at ?? null,
    last_status_code: row.last_status_code ?? null,
    last_latency_ms: row.last_latency_ms ?? null,
  };
}

// Applied here too, so that a server that ignores a filter still shows what the user asked for.
function matching(deliveries: Delivery[], filter: DeliveryFilter): Delivery[] {
  const since = filter.since ? Date.parse(filter.since) : NaN;
  return deliveries.filter((d) =>
    (!filter.status || d.status === filter.status)
    && (!filter.event_type || typeMatches(filter.event_type, d.event_type))
    && (Number.isNaN(since) || Date.parse(d.created_at) >= since));
}

export function typeMatches(pattern: string, type: string): boolean {
  if (pattern === "*") {
    return true;
  }
  return pattern.endsWith(".*") ? type.startsWith(pattern.slice(0, -1)) : pattern === type;
}
