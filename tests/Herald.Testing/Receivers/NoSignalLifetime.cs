using Microsoft.Extensions.Hosting;

namespace Herald.Testing.Receivers;

/// <summary>
/// A receiver's host must not take over Ctrl+C and SIGTERM (the default console lifetime would stop only the receiver
/// and keep its process running): they belong to the process that hosts it, the test runner or the bench, which stops Herald and exits.
/// </summary>
internal sealed class NoSignalLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
