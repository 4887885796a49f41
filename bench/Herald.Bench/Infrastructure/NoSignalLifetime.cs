namespace Herald.Bench.Infrastructure;

/// <summary>
/// The receiver's host must not take over Ctrl+C and SIGTERM (its default console lifetime would stop only the
/// receiver and keep the bench running): the bench handles them by stopping Herald and exiting.
/// </summary>
public sealed class NoSignalLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
