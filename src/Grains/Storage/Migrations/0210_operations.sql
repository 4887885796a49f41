-- Issue 13, operations.
-- 1. The failure outbox also carries the streak events of a delivery (delivery.failing, delivery.recovered), written by
--    the statement of the attempt where they arise, like a failed delivery's consequences. One attempt can leave two
--    rows (its failure makes the streak reach the threshold and exhausts the delivery), so a row is keyed by its
--    attempt and its kind. A streak row has no failure reason.
alter table herald_failure_outbox add column if not exists kind text not null default 'failed';
alter table herald_failure_outbox alter column reason drop not null;
alter table herald_failure_outbox drop constraint if exists herald_failure_outbox_kind_check;
alter table herald_failure_outbox add constraint herald_failure_outbox_kind_check check (kind in ('failed', 'failing', 'recovered'));
alter table herald_failure_outbox drop constraint if exists herald_failure_outbox_pkey;
alter table herald_failure_outbox add constraint herald_failure_outbox_pkey primary key (attempt_id, kind);

-- 2. A catalog entry's example payload (the default data of a typed test send), kept as given.
alter table herald_event_types add column if not exists example_json text;

-- 3. A bulk retry walks an endpoint's failed deliveries in queue order, in batches.
create index if not exists herald_deliveries_failed_queue on herald_deliveries (endpoint_id, seq) where status = 'failed';
