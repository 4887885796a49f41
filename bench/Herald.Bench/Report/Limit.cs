namespace Herald.Bench.Report;

/// <summary>The machine's limits the bench measures beside Herald, in the same run: Herald's figures are ratios of them.</summary>
public enum Limit
{
    /// <summary>Plain HttpClient POSTs to the receiver at the bench's concurrency (64), requests/s.</summary>
    Wire,

    /// <summary>The same one request at a time: the bound of one strict queue, requests/s.</summary>
    WireSerial,

    /// <summary>CPU the bench process used per wire request (client and receiver), µs: the machine's CPU speed.</summary>
    WireCpu,

    /// <summary>Event row + delivery row written straight to PostgreSQL in batches, events/s.</summary>
    DatabaseIngest,

    /// <summary>Attempt row + delivery update in batches, deliveries/s.</summary>
    DatabaseDelivery,

    /// <summary>The same, one statement and commit per delivery over 16 connections, deliveries/s.</summary>
    DatabaseOneCommit,

    /// <summary>The same over one connection, one commit at a time: the disk's commit latency, deliveries/s.</summary>
    DatabaseSerialCommit,

    /// <summary>The pipe server (a minimal Herald in a process of its own): publishes accepted at concurrency 64, forwarding off, events/s.</summary>
    PipeIngest,

    /// <summary>The pipe server drains pending deliveries from PostgreSQL, 64 at a time, each attempt committed, deliveries/s.</summary>
    PipeDrain,

    /// <summary>The same one at a time, each send after the last attempt's commit: the bound of one strict queue, deliveries/s.</summary>
    PipeStrictDrain,

    /// <summary>The pipe server published to at concurrency 64 with forwarding on, first publish → last arrival, events/s.</summary>
    PipeSustained,

    /// <summary>CPU of the pipe server + PostgreSQL per event accepted in the pipe ingest, µs: what a minimal Herald spends.</summary>
    PipeIngestCpu,

    /// <summary>The same per delivery in the pipe drain at the bench's concurrency, µs.</summary>
    PipeDrainCpu,

    /// <summary>The same per delivery in the pipe drain one at a time, µs.</summary>
    PipeStrictDrainCpu,

    /// <summary>The same per event published and delivered in the pipe sustained run, µs.</summary>
    PipeSustainedCpu,
}
