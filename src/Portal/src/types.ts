// The REST shapes the portal reads (docs/api.md and the contract of this round).

export interface Me {
  kind: "admin" | "account_key" | "portal";
  account_id: string | null;
  scopes: string[];
  read_only: boolean;
  sources: string[] | null;
  expires_at: string | null;
}

export interface Webhook {
  id: string;
  url: string;
  events: string[];
  source: string | null;
  description: string | null;
  status: "active" | "disabled";
  disabled_reason: string | null;
  consecutive_failures: number;
  timeout_seconds: number;
  created_at: string;
  secret?: string;
  test?: TestResult;
}

export interface TestResult {
  event_id: string;
  delivery_id: string;
  succeeded: boolean;
  status_code: number | null;
  latency_ms: number;
  error: string | null;
  response_excerpt: string | null;
  event_type?: string;
}

export interface Attempt {
  id: string;
  delivery_id: string;
  event_id: string;
  event_type: string;
  attempt: number;
  status: "succeeded" | "failed";
  status_code: number | null;
  latency_ms: number;
  error: string | null;
  response_excerpt: string | null;
  request_headers?: Record<string, string>;
  attempted_at: string;
  next_attempt_at: string | null;
}

/** A delivery (event × webhook) as the list shows it, whichever shape the server answered. */
export interface Delivery {
  id: string;
  event_id: string;
  event_type: string;
  status: string;
  attempts: number;
  created_at: string;
  next_attempt_at: string | null;
  last_status_code: number | null;
  last_latency_ms: number | null;
  last_error?: string | null;
}

export interface DeliveryDetail extends Delivery {
  request?: { headers: Record<string, string>; body: unknown };
  attempts_list: Attempt[];
}

export interface EventType {
  type: string;
  description: string;
  category: string | null;
  schema: unknown;
  example?: unknown;
  deprecated: boolean;
}

export interface Stats {
  last_hour: { succeeded: number; failed: number; success_rate: number | null };
  last_day: { succeeded: number; failed: number; success_rate: number | null };
  last_success_at: string | null;
  last_failure_at: string | null;
  queue_depth: number;
  oldest_pending_age_seconds: number | null;
}
