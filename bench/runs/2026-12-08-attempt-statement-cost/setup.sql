-- fill: 200k events + pending deliveries for one endpoint
insert into herald_events (account_id, event_id, event_type, source, body, endpoint_count, created_at)
select 'acct_1', 'evt_' || lpad(i::text, 8, '0'), 'invoice.paid', null,
       convert_to('{"type":"invoice.paid","timestamp":"2026-12-08T00:00:00Z","data":{"id":"inv_' || i || '","amount":1200,"currency":"eur","customer":"cus_12345"}}', 'UTF8'), 1, now()
from generate_series(1, 200000) i;
insert into herald_deliveries (delivery_id, endpoint_id, account_id, event_id, status, next_attempt_at)
select 'dlv_' || lpad(i::text, 8, '0'), 'wh_1', 'acct_1', 'evt_' || lpad(i::text, 8, '0'), 'pending', now()
from generate_series(1, 200000) i;
vacuum analyze herald_events; vacuum analyze herald_deliveries; vacuum analyze herald_attempts;
