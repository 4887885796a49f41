using System.Diagnostics;

namespace Herald.Tests.Infrastructure;

/// <summary>
/// Counts, from its creation on, the statements this process runs on one database whose text contains a fragment,
/// from Npgsql's own tracing (activity source <c>Npgsql</c>): how often Herald really asks PostgreSQL something.
/// </summary>
public sealed class StatementCounter : IDisposable
{
    private readonly ActivityListener _listener;
    private long _count;

    public StatementCounter(string database, string fragment)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                var name = (activity.GetTagItem("db.namespace") ?? activity.GetTagItem("db.name")) as string;
                var text = (activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement")) as string;
                if (name == database && text?.Contains(fragment, StringComparison.Ordinal) == true)
                {
                    Interlocked.Increment(ref _count);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public long Count => Interlocked.Read(ref _count);

    public void Dispose() => _listener.Dispose();
}
