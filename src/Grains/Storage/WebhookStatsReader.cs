using Npgsql;

namespace Herald.Grains.Storage;

/// <summary>
/// Reads <see cref="WebhookStats"/> in one round trip. The counts walk the last day of the webhook's attempts in the
/// index (endpoint, attempted_at) that includes the outcome, so they never visit the table; the latest success and
/// failure walk the same index from its newest end; the queue uses the partial indexes of pending and held rows.
/// </summary>
public sealed class WebhookStatsReader(NpgsqlDataSource dataSource)
{
    internal const string CountsSql = """
        select count(*) filter (where succeeded and attempted_at >= @hour)::int,
               count(*) filter (where not succeeded and attempted_at >= @hour)::int,
               count(*) filter (where succeeded)::int,
               count(*) filter (where not succeeded)::int
        from herald_attempts where endpoint_id = @endpoint and attempted_at >= @day
        """;

    public async Task<WebhookStats> ReadAsync(string endpointId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var batch = dataSource.CreateBatch();
        Add(batch, CountsSql, endpointId, ("hour", now.ToUniversalTime().AddHours(-1)), ("day", now.ToUniversalTime().AddDays(-1)));
        Add(batch, "select max(attempted_at) from (select attempted_at from herald_attempts where endpoint_id = @endpoint and succeeded order by attempted_at desc limit 1) s", endpointId);
        Add(batch, "select max(attempted_at) from (select attempted_at from herald_attempts where endpoint_id = @endpoint and not succeeded order by attempted_at desc limit 1) f", endpointId);
        Add(batch, """
            select count(*), min(created_at) from herald_deliveries where endpoint_id = @endpoint and status = 'pending'
            union all
            select count(*), min(created_at) from herald_deliveries where endpoint_id = @endpoint and status = 'held'
            """, endpointId);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var (hourOk, hourFailed, dayOk, dayFailed) = (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3));
        var lastSuccess = await LatestAsync(reader, cancellationToken);
        var lastFailure = await LatestAsync(reader, cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        long depth = 0;
        DateTimeOffset? oldest = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            depth += reader.GetInt64(0);
            if (!reader.IsDBNull(1) && (oldest is null || reader.GetFieldValue<DateTimeOffset>(1) < oldest))
            {
                oldest = reader.GetFieldValue<DateTimeOffset>(1);
            }
        }
        return new WebhookStats(hourOk, hourFailed, dayOk, dayFailed, lastSuccess, lastFailure, depth, oldest);
    }

    private static async Task<DateTimeOffset?> LatestAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return reader.IsDBNull(0) ? null : reader.GetFieldValue<DateTimeOffset>(0);
    }

    private static void Add(NpgsqlBatch batch, string sql, string endpointId, params (string Name, DateTimeOffset Value)[] times)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddWithValue("endpoint", endpointId);
        foreach (var (name, value) in times)
        {
            command.Parameters.AddWithValue(name, value);
        }
        batch.BatchCommands.Add(command);
    }
}
