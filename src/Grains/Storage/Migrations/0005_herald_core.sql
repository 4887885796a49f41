-- Herald's own tables. Unbounded data (payloads, the per-endpoint queue, the attempt log) lives here,
-- not in grain state, so that one enqueue or one attempt costs the same whatever the backlog.

-- Account API keys, stored as SHA-256 of the key (keys are 256-bit random, so a fast hash is enough).
create table herald_api_keys (
    key_hash   bytea       primary key,
    account_id text        not null,
    created_at timestamptz not null default now()
);
create index herald_api_keys_account on herald_api_keys (account_id);

-- One row per published event; (account_id, event_id) is the idempotency key.
create table herald_events (
    account_id     text        not null,
    event_id       text        not null,
    event_type     text        not null,
    source         text,
    body           bytea       not null,
    endpoint_count integer     not null,
    created_at     timestamptz not null,
    primary key (account_id, event_id)
);
create index herald_events_created on herald_events (created_at);

-- The delivery queue: one row per event x endpoint. seq orders each endpoint's queue.
create table herald_deliveries (
    delivery_id     text        primary key,
    seq             bigint      generated always as identity,
    endpoint_id     text        not null,
    account_id      text        not null,
    event_id        text        not null,
    status          text        not null default 'pending'
                    check (status in ('pending', 'held', 'succeeded', 'failed')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);
-- The head of an endpoint's queue, found without scanning what is behind it.
create index herald_deliveries_queue on herald_deliveries (endpoint_id, seq) where status = 'pending';
-- Due work across all endpoints, for the recovery sweep.
create index herald_deliveries_due on herald_deliveries (next_attempt_at) where status = 'pending';
create index herald_deliveries_event on herald_deliveries (account_id, event_id);

-- The attempt log: one row per HTTP attempt. attempt_id is time-sortable, so it doubles as the list cursor.
create table herald_attempts (
    attempt_id       text        primary key,
    delivery_id      text        not null,
    endpoint_id      text        not null,
    event_id         text        not null,
    event_type       text        not null,
    attempt          integer     not null,
    succeeded        boolean     not null,
    status_code      integer,
    latency_ms       integer     not null,
    error            text,
    response_excerpt text,
    attempted_at     timestamptz not null,
    next_attempt_at  timestamptz
);
create index herald_attempts_endpoint on herald_attempts (endpoint_id, attempt_id desc);
create index herald_attempts_delivery on herald_attempts (delivery_id);
