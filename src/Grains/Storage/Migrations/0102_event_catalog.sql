-- The event catalog: deployment-wide (one Herald serves one platform), managed with the admin key.
-- schema_json keeps the JSON Schema exactly as it was given; null means the type's payload is not checked.
create table herald_event_types (
    event_type  text        primary key,
    description text        not null default '',
    category    text,
    schema_json text,
    deprecated  boolean     not null default false,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);
create index herald_event_types_category on herald_event_types (category, event_type);
