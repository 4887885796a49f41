-- Conventions (issue 13): the list of accounts, each account's own retention, and stored answers of idempotent requests.

-- One row per account, so that GET /v1/accounts pages without reading every grain's state, and the retention purge
-- knows which accounts keep their rows a shorter time. Settings stay in the account grain's state; retention is copied
-- here by the grain whenever it changes (null: the deployment's Herald:Retention:Period).
create table if not exists herald_accounts (
    account_id text        primary key,
    retention  interval,
    created_at timestamptz not null default now()
);
-- Accounts made before this migration: every account got a key at its creation.
insert into herald_accounts (account_id, created_at)
select account_id, min(created_at) from herald_api_keys group by account_id
on conflict (account_id) do nothing;

-- Idempotency-Key: the first request's answer, per caller (scope: 'admin' or the calling account) and key. A row whose
-- status_code is null is a request still running. response is the answer's body, sealed (AES-GCM under
-- Herald:Secrets:MasterKey) when the route's answers hold a secret. account_id is the account the request acted for,
-- so that deleting an account removes its rows whoever made them.
create table if not exists herald_idempotency (
    scope        text        not null,
    idem_key     text        not null,
    account_id   text,
    request_hash bytea       not null,
    status_code  integer,
    content_type text,
    location     text,
    response     bytea,
    sealed       boolean     not null default false,
    created_at   timestamptz not null,
    primary key (scope, idem_key)
);
create index if not exists herald_idempotency_created on herald_idempotency (created_at);
create index if not exists herald_idempotency_account on herald_idempotency (account_id);
