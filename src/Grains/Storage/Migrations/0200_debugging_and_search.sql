-- Debugging and search (issue 13): the headers each attempt sent, and the indexes of the event search, the delivery
-- list and the webhook stats. Each list pages newest first by (time, id), so each index leads with its owner and time.

-- The request headers of each attempt as a JSON object, signature values and credential-like custom headers masked
-- (docs/api.md#debugging). text, not jsonb: Herald writes it once per attempt and only reads it back whole.
alter table herald_attempts add column if not exists request_headers text;

-- GET /v1/events: an account's events newest first; the same with a type, exact or a prefix (text_pattern_ops lets
-- "event_type like 'invoice.%'" use the index whatever the database's collation).
create index if not exists herald_events_account_created on herald_events (account_id, created_at desc, event_id desc);
create index if not exists herald_events_account_type on herald_events (account_id, event_type text_pattern_ops, created_at desc, event_id desc);

-- GET /v1/webhooks/{id}/deliveries: a webhook's deliveries newest first, whatever their status.
create index if not exists herald_deliveries_endpoint on herald_deliveries (endpoint_id, created_at desc, delivery_id desc);

-- GET /v1/webhooks/{id}/attempts pages by (attempted_at, attempt_id) and /stats counts the last day's attempts by
-- outcome: one index serves both, the stats from the index alone (succeeded is included). It replaces the index by
-- attempt id, so an attempt costs no more index upkeep than before.
create index if not exists herald_attempts_endpoint_time on herald_attempts (endpoint_id, attempted_at desc, attempt_id desc) include (succeeded);
drop index if exists herald_attempts_endpoint;
