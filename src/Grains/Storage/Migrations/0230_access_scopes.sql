-- Scoped account keys (issue 12): every key gets an id, a name, its scopes and its kind. 'account' keys are the one
-- created with the account and those rotate-key makes (all three scopes; rotate-key retires only these); 'scoped'
-- keys are made and revoked through /v1/accounts/{id}/keys and are never touched by a rotation.
alter table herald_api_keys add column if not exists key_id text;
alter table herald_api_keys add column if not exists name   text;
alter table herald_api_keys add column if not exists scopes text[] not null default '{publish,manage,read}';
alter table herald_api_keys add column if not exists kind   text   not null default 'account';
update herald_api_keys set key_id = 'key_' || encode(substring(key_hash from 1 for 13), 'hex') where key_id is null;
update herald_api_keys set name = 'account key' where name is null;
alter table herald_api_keys alter column key_id set not null;
alter table herald_api_keys alter column name set not null;
create unique index if not exists herald_api_keys_id on herald_api_keys (key_id);

-- Portal sessions: short-lived tokens (hpt_…) stored as their SHA-256, for one account, read-only or read + manage,
-- optionally limited to webhooks of some sources (null: all).
create table if not exists herald_portal_sessions (
    session_id text        primary key,
    token_hash bytea       not null unique,
    account_id text        not null,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    read_only  boolean     not null,
    sources    text[]
);
create index if not exists herald_portal_sessions_account on herald_portal_sessions (account_id);
