using Herald.Testing.Databases;
using Npgsql;

namespace Herald.Tests.Storage;

/// <summary>The outage tests' own server: it starts, stops (refusing connections) and starts again with its data.</summary>
public sealed class PrivatePostgresTests
{
    [Fact]
    public async Task A_private_server_keeps_its_data_across_a_stop_and_a_start()
    {
        await using var server = await PrivatePostgres.StartAsync();
        await using (var source = NpgsqlDataSource.Create(server.ConnectionString))
        {
            await using var create = source.CreateCommand("create table kept (n int); insert into kept values (7)");
            await create.ExecuteNonQueryAsync();
        }

        await server.StopAsync();
        Assert.False(await server.IsUpAsync());

        await server.StartAgainAsync();
        Assert.True(await server.IsUpAsync());
        await using var again = NpgsqlDataSource.Create(server.ConnectionString);
        await using var read = again.CreateCommand("select n from kept");
        Assert.Equal(7, await read.ExecuteScalarAsync());
    }
}
