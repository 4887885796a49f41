-- Herald's statement, variant flags: headers (write request_headers), outbox (the consequences CTE)
create or replace procedure rec_herald(first int, n int, batch int, headers bool, outbox bool) language plpgsql as $$
declare i int := first; ids text[]; hdr text := '{"content-type":"application/json","user-agent":"Herald/1.0","webhook-id":"msg_2Qp5RkX9","webhook-timestamp":"1765152000","webhook-signature":"v1,****"}';
-- The statement in three parts, as src/Grains/Storage/AttemptStatement.cs builds it.
logged text := $q$
with logged as (
    insert into herald_attempts (attempt_id, delivery_id, endpoint_id, event_id, event_type, attempt, succeeded,
                                 status_code, latency_ms, error, response_excerpt, attempted_at, next_attempt_at, request_headers)
    select * from unnest($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
    on conflict (attempt_id) do nothing
)
$q$;
consequences text := $q$
, consequences as (
    insert into herald_failure_outbox (attempt_id, kind, endpoint_id, delivery_id, event_id, event_type, attempts, reason,
                                       status_code, error, failed_at)
    select f.attempt_id, k.kind, f.endpoint_id, f.delivery_id, f.event_id, f.event_type, f.attempts,
           case when k.kind = 'failed' then f.reason end, f.status_code, f.error, f.failed_at
    from unnest($1, $3, $2, $4, $5, $6, $16, $17, $8, $10, $12) as f(attempt_id, endpoint_id, delivery_id, event_id, event_type, attempts, reason,
                                          streak, status_code, error, failed_at)
    cross join lateral (values ('failed', f.reason is not null), (f.streak, f.streak is not null)) as k(kind, wanted)
    where k.wanted
    on conflict (attempt_id, kind) do nothing
)
$q$;
moved text := $q$
update herald_deliveries d
set status = case when d.status = 'held' and u.status = 'pending' then 'held' else u.status end, attempts = u.attempt, next_attempt_at = coalesce(u.next, d.next_attempt_at), updated_at = u.attempted_at
from unnest($2, $15, $6, $13, $12) as u(delivery_id, status, attempt, next, attempted_at)
where d.delivery_id = u.delivery_id and d.attempts <= u.attempt
$q$;
begin
  while i < first + n loop
    ids := array(select lpad(j::text, 8, '0') from generate_series(i, i + batch - 1) j);
    execute logged || case when outbox then consequences else '' end || moved using
      array(select 'att_' || x from unnest(ids) x), array(select 'dlv_' || x from unnest(ids) x),
      array_fill('wh_1'::text, array[batch]), array(select 'evt_' || x from unnest(ids) x),
      array_fill('invoice.paid'::text, array[batch]), array_fill(1, array[batch]), array_fill(true, array[batch]),
      array_fill(200, array[batch]), array_fill(3, array[batch]), array_fill(null::text, array[batch]),
      array_fill(null::text, array[batch]), array_fill(now(), array[batch]), array_fill(null::timestamptz, array[batch]),
      array_fill(case when headers then hdr end, array[batch]), array_fill('succeeded'::text, array[batch]),
      array_fill(null::text, array[batch]), array_fill(null::text, array[batch]);
    commit;
    i := i + batch;
  end loop;
end $$;
create or replace procedure rec_pipe(first int, n int, batch int) language plpgsql as $$
declare i int := first; ids text[];
begin
  while i < first + n loop
    ids := array(select lpad(j::text, 8, '0') from generate_series(i, i + batch - 1) j);
    execute $q$
    with logged as (
        insert into herald_attempts (attempt_id, delivery_id, endpoint_id, event_id, event_type, attempt, succeeded,
                                    status_code, latency_ms, error, response_excerpt, attempted_at, next_attempt_at)
        select 'att_' || e, 'dlv_' || e, 'wh_1', 'evt_' || e, t, 1, s between 200 and 299, s, l, null, null, $5, null
        from unnest($1, $2, $3, $4) as u(e, t, s, l)
    )
    update herald_deliveries d
    set status = case when u.s between 200 and 299 then 'succeeded' else 'pending' end, attempts = 1, updated_at = $5
    from unnest($1, $3) as u(e, s) where d.delivery_id = 'dlv_' || u.e
    $q$ using ids, array_fill('invoice.paid'::text, array[batch]), array_fill(200, array[batch]), array_fill(3, array[batch]), now();
    commit;
    i := i + batch;
  end loop;
end $$;
