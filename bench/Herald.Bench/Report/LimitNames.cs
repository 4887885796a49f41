namespace Herald.Bench.Report;

public static class LimitNames
{
    /// <summary>How a ratio column names the limit: "wire", "wire₁", "wire CPU", "db ingest", "pipe drain".</summary>
    public static string Short(this Limit limit) => limit switch
    {
        Limit.Wire => "wire",
        Limit.WireSerial => "wire₁",
        Limit.WireCpu => "wire CPU",
        Limit.DatabaseIngest => "db ingest",
        Limit.DatabaseDelivery => "db delivery",
        Limit.DatabaseOneCommit => "db one commit",
        Limit.DatabaseSerialCommit => "db commit₁",
        Limit.PipeIngest => "pipe ingest",
        Limit.PipeDrain => "pipe drain",
        Limit.PipeStrictDrain => "pipe drain₁",
        Limit.PipeSustained => "pipe sustained",
        Limit.PipeIngestCpu => "pipe ingest CPU",
        Limit.PipeDrainCpu => "pipe drain CPU",
        Limit.PipeStrictDrainCpu => "pipe drain₁ CPU",
        Limit.PipeSustainedCpu => "pipe sustained CPU",
        _ => limit.ToString(),
    };

    public static (string Name, string Unit) Describe(this Limit limit, int concurrency) => limit switch
    {
        Limit.Wire => ($"wire: plain HttpClient → receiver, the same signed bodies, concurrency {concurrency}", "requests/s"),
        Limit.WireSerial => ("wire₁: the same, one request at a time (the bound of one strict queue)", "requests/s"),
        Limit.WireCpu => ($"wire CPU: the bench process's CPU per wire request at concurrency {concurrency} (client + receiver)", "µs"),
        Limit.DatabaseIngest => ("db ingest: event row + delivery row, batches of 512 (`insert … select unnest`), 4 connections", "events/s"),
        Limit.DatabaseDelivery => ("db delivery: attempt row + delivery update, batches of 512, 4 connections", "deliveries/s"),
        Limit.DatabaseOneCommit => ("db one commit: the same, one statement and commit per delivery, 16 connections", "deliveries/s"),
        Limit.DatabaseSerialCommit => ("db commit₁: the same over one connection, one commit at a time (the disk's commit latency)", "deliveries/s"),
        Limit.PipeIngest => ($"pipe ingest: publishes to the pipe server (a minimal Herald: parse, group commit of event + delivery rows, 202) at concurrency {concurrency}", "events/s"),
        Limit.PipeDrain => ($"pipe drain: the pipe server sends pending deliveries read from PostgreSQL, signed, {concurrency} at a time, each attempt group-committed", "deliveries/s"),
        Limit.PipeStrictDrain => ("pipe drain₁: the same one at a time, the next send while the last success commits (one strict queue, as Herald's)", "deliveries/s"),
        Limit.PipeSustained => ($"pipe sustained: publishes at concurrency {concurrency}, each committed event forwarded and its attempt committed, first publish → last arrival", "events/s end to end"),
        Limit.PipeIngestCpu => ("pipe ingest CPU: the pipe server + PostgreSQL per event accepted", "µs"),
        Limit.PipeDrainCpu => ("pipe drain CPU: the pipe server + PostgreSQL per delivery", "µs"),
        Limit.PipeStrictDrainCpu => ("pipe drain₁ CPU: the same, one at a time", "µs"),
        Limit.PipeSustainedCpu => ("pipe sustained CPU: the pipe server + PostgreSQL per event published and delivered", "µs"),
        _ => (limit.ToString(), ""),
    };
}
