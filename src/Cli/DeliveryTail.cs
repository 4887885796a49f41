using Herald.Client;

namespace Herald.Cli;

/// <summary>
/// Follows a webhook's new attempts by polling its newest page: each attempt not seen before is written, oldest first.
/// The wait between polls starts at <see cref="Interval"/> and doubles while nothing new arrives, up to
/// <see cref="MaxInterval"/>. A Herald without <c>/attempts</c> is followed through <c>/deliveries</c>, where it listed attempts.
/// </summary>
public sealed class DeliveryTail(HeraldClient client, string webhookId)
{
    private const int PagesPerPoll = 10;

    public ListOptions Filter { get; init; } = new();
    public int? Count { get; init; }
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Write the attempts made since then too; null: only those made after the tail starts.</summary>
    public DateTimeOffset? Since { get; init; }
    public TimeProvider Time { get; init; } = TimeProvider.System;

    private readonly HashSet<string> _seen = [];
    private bool _throughDeliveries;

    public async Task RunAsync(Action<object> write, CancellationToken cancellationToken)
    {
        var written = 0;
        var wait = Interval;
        for (var first = true; ; first = false)
        {
            var fresh = await PollAsync(cancellationToken);
            foreach (var row in fresh)
            {
                if (first && (Since is null || row.At is null || row.At < Since))
                {
                    continue;
                }
                write(row.Body);
                if (++written == Count)
                {
                    return;
                }
            }
            wait = fresh.Count > 0 && !first ? Interval : TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, MaxInterval.Ticks));
            await Task.Delay(wait, Time, cancellationToken);
        }
    }

    /// <summary>The rows not seen before, oldest first: the newest pages, until a page holds a row already seen.</summary>
    private async Task<List<TailRow>> PollAsync(CancellationToken cancellationToken)
    {
        var fresh = new List<TailRow>();
        var options = Filter with { Limit = 100, Cursor = null };
        for (var page = 0; page < PagesPerPoll; page++)
        {
            var (rows, next) = await PageAsync(options, cancellationToken);
            var known = false;
            foreach (var row in rows)
            {
                known |= !_seen.Add(row.Id);
                if (!known)
                {
                    fresh.Add(row);
                }
            }
            if (known || next is null)
            {
                break;
            }
            options = options with { Cursor = next };
        }
        fresh.Reverse();
        return fresh;
    }

    private async Task<(IEnumerable<TailRow> Rows, string? Next)> PageAsync(ListOptions options, CancellationToken cancellationToken)
    {
        if (!_throughDeliveries)
        {
            try
            {
                var attempts = await client.Webhooks.ListAttemptsAsync(webhookId, options, cancellationToken);
                return (attempts.Data.Select(a => new TailRow(a.Id, a.AttemptedAt, a)), attempts.NextCursor);
            }
            catch (HeraldApiException e) when (e.Status == 404 && _seen.Count == 0)
            {
                _throughDeliveries = true;
            }
        }
        var deliveries = await client.Webhooks.ListDeliveriesAsync(webhookId, options, cancellationToken);
        return (deliveries.Data.Select(d => new TailRow(d.Id, d.LastAttemptAt ?? AttemptedAt(d) ?? d.CreatedAt, d)), deliveries.NextCursor);
    }

    private static DateTimeOffset? AttemptedAt(Client.Models.Delivery row) =>
        row.Extra?.TryGetValue("attempted_at", out var at) == true && at.TryGetDateTimeOffset(out var time) ? time : null;
}
