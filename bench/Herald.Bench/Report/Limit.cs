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
}
