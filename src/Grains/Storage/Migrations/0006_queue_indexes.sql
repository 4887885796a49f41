-- Two fixes to the queue's indexes, found by the benchmark (docs/benchmarks.md).

-- Releasing a paused webhook's queue (POST /v1/webhooks/{id}/enable) looked for its held rows with a scan of the
-- whole table, as no index covered held rows; this one makes a release cost what the queue holds.
create index herald_deliveries_held on herald_deliveries (endpoint_id, seq) where status = 'held';

-- The recovery sweep's index also requires next_attempt_at is not null (always true: the column is not null). The
-- sweep's "next_attempt_at < @due" implies it; a strict endpoint's head query does not, so the planner can no longer
-- answer that query by walking every pending delivery of every endpoint in due order, which it did whenever its
-- statistics said few rows were pending (e.g. just after a large backlog was released): 2.7 ms instead of 0.2 ms
-- per head read with 20,000 pending, growing with the backlog.
drop index herald_deliveries_due;
create index herald_deliveries_due on herald_deliveries (next_attempt_at) where status = 'pending' and next_attempt_at is not null;
