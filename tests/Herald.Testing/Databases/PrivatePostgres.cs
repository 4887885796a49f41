using System.Diagnostics;
using Npgsql;

namespace Herald.Testing.Databases;

/// <summary>
/// A PostgreSQL server of one test's own, from the machine's binaries through <c>scripts/postgres.sh</c>, on a free
/// port of 127.0.0.1 with its data in a temporary folder: for tests that stop the database under Herald (outages)
/// without touching the server every other test shares. Disposing stops it and removes its data.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(120);

    private readonly string _script;
    private readonly string _data;

    private PrivatePostgres(string script, string data, int port)
    {
        _script = script;
        _data = data;
        Port = port;
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=herald;Password=herald;Database=herald";
    }

    public int Port { get; }

    /// <summary>The server's <c>herald</c> database (created by the script), owned by the <c>herald</c> superuser.</summary>
    public string ConnectionString { get; }

    /// <summary>Initialises and starts a new server; answers once it accepts connections.</summary>
    public static async Task<PrivatePostgres> StartAsync()
    {
        var data = Path.Combine(Path.GetTempPath(), $"herald-pg-{Guid.NewGuid():N}");
        var server = new PrivatePostgres(Path.Combine(RepositoryRoot.Find(), "scripts", "postgres.sh"), data, FreePorts.Next());
        try
        {
            await server.StartAgainAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the server after <see cref="StopAsync"/> (the same data, the same port).</summary>
    public Task StartAgainAsync() => RunScriptAsync("start");

    /// <summary>Stops the server ("fast" shutdown: open connections are ended at once, as in an outage).</summary>
    public Task StopAsync() => RunScriptAsync("stop");

    /// <summary>Whether the server accepts a connection now.</summary>
    public async Task<bool> IsUpAsync()
    {
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionString + ";Pooling=false;Timeout=2");
            await connection.OpenAsync();
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            if (Directory.Exists(_data))
            {
                Directory.Delete(_data, recursive: true);
            }
        }
    }

    private async Task RunScriptAsync(string verb)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(_script);
        start.ArgumentList.Add(verb);
        start.Environment["HERALD_PG_PORT"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["HERALD_PG_DATA"] = _data;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ScriptTimeout);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"postgres.sh {verb} (port {Port}) exited {process.ExitCode}: {await output}{await error}");
        }
    }
}
