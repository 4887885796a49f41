using System.Text.RegularExpressions;
using Npgsql;

namespace Herald.Testing.Databases;

/// <summary>
/// A database of its own on a PostgreSQL server, for one test fixture or one bench run, so nothing depends on data
/// that others left; dropped, connections and all, when done.
/// </summary>
public sealed partial class ScratchDatabase
{
    private readonly string _serverConnectionString;

    private ScratchDatabase(string serverConnectionString, string name)
    {
        _serverConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    /// <summary>The server's connection string with this database (and Npgsql's default pool settings).</summary>
    public string ConnectionString { get; }

    /// <param name="name">Lower-case letters, digits and underscores: a database name cannot be a parameter, so it is checked instead.</param>
    public static async Task<ScratchDatabase> CreateAsync(string serverConnectionString, string name)
    {
        if (!Identifier().IsMatch(name))
        {
            throw new ArgumentException($"Not a plain database name: {name}", nameof(name));
        }
        await ExecuteOnServerAsync(serverConnectionString, $"create database {name}");
        return new ScratchDatabase(serverConnectionString, name);
    }

    public async Task DropAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync(_serverConnectionString, $"drop database if exists {Name} with (force)");
    }

    private static async Task ExecuteOnServerAsync(string serverConnectionString, string sql)
    {
        await using var admin = new NpgsqlConnection(serverConnectionString);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex Identifier();
}
