-- Failure consequences as an outbox. The statement that records an attempt ending its delivery failed (exhausted or
-- permanent) also inserts one row here, so the failed delivery and what it must cause (the failure count, the
-- delivery.exhausted event, the disable rule and its webhook.disabled event and email) commit together. The endpoint
-- grain applies each row at least once (after the commit, at activation, on its wake reminder), idempotently, and
-- then deletes it. attempt_id, the failing attempt, keys the row: one delivery can fail again after a resend.
create table herald_failure_outbox (
    attempt_id  text        primary key,
    endpoint_id text        not null,
    delivery_id text        not null,
    event_id    text        not null,
    event_type  text        not null,
    attempts    integer     not null,
    reason      text        not null check (reason in ('attempts_exhausted', 'permanent_failure')),
    status_code integer,
    error       text,
    failed_at   timestamptz not null
);
create index herald_failure_outbox_endpoint on herald_failure_outbox (endpoint_id, attempt_id);
