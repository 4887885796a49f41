-- Queue places (herald_deliveries.seq) become unique, and the recovery sweep reads per endpoint (issue 10).

-- No write may take a place while the places are checked and the index is built (reads go on).
lock table herald_deliveries in share row exclusive mode;

-- Recovery used to reserve its places with nextval then setval, which is not atomic: a publish in between could
-- take a place that recovery then gave out again, and setval could even move the sequence back below places in use.
-- First move the sequence past every place in use, so that the places handed out below and from now on are new.
select setval(pg_get_serial_sequence('herald_deliveries', 'seq'), in_use.max_seq)
from (select max(seq) as max_seq from herald_deliveries) in_use
where in_use.max_seq > coalesce(pg_sequence_last_value(pg_get_serial_sequence('herald_deliveries', 'seq')::regclass), 0);

-- A place held by more than one row: in each endpoint that has such a row, that row and every later one move to the
-- tail, in their order (rows that shared a place, whose order was undefined, by creation time then id). No endpoint's
-- order changes and no row is removed; on a database the bug never hit, nothing moves.
with shared as (
    select seq from herald_deliveries group by seq having count(*) > 1),
first_shared as (
    select d.endpoint_id, min(d.seq) as seq from herald_deliveries d join shared using (seq) group by d.endpoint_id),
moved as (
    select d.delivery_id, nextval(pg_get_serial_sequence('herald_deliveries', 'seq')) as place
    from herald_deliveries d join first_shared f on f.endpoint_id = d.endpoint_id and d.seq >= f.seq
    order by d.endpoint_id, d.seq, d.created_at, d.delivery_id)
update herald_deliveries d set seq = moved.place from moved where d.delivery_id = moved.delivery_id;

create unique index herald_deliveries_seq on herald_deliveries (seq);

-- The sweep now walks herald_deliveries_due_by_endpoint (endpoint, next attempt) one endpoint at a time; the index of
-- every endpoint's pending rows in due order served only the old sweep, and each queued row paid to maintain it.
drop index herald_deliveries_due;
