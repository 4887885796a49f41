using Herald.Abstractions.Accounts;
using Herald.Abstractions.Ids;
using Herald.Testing.Databases;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Storage;

/// <summary>Real silos on the real PostgreSQL: Herald's migrations are all Orleans needs.</summary>
public sealed class SiloOnPostgresTests
{
    [Fact]
    public async Task A_silo_starts_on_a_fresh_database_and_joins_the_cluster_table()
    {
        await using var database = await TestDatabase.CreateAsync();

        await using var silo = await SiloProcess.StartAsync(database.ConnectionString);

        Assert.Equal(1L, await database.ScalarAsync<long>("select count(*) from orleansmembershiptable where status = 3"));
        var account = HeraldId.New("acct");
        await silo.Grains.GetGrain<IAccountGrain>(account).CreateAsync("fresh", AccountSettings.Default);
        Assert.Equal("fresh", (await silo.Grains.GetGrain<IAccountGrain>(account).GetAsync())!.Name);
    }

    [Fact]
    public async Task Grain_state_survives_a_silo_restart()
    {
        await using var database = await TestDatabase.CreateAsync();
        var accountId = HeraldId.New("acct");
        await using (var first = await SiloProcess.StartAsync(database.ConnectionString))
        {
            await first.Grains.GetGrain<IAccountGrain>(accountId).CreateAsync("survivor", AccountSettings.Default);
        }

        await using var second = await SiloProcess.StartAsync(database.ConnectionString);

        Assert.Equal("survivor", (await second.Grains.GetGrain<IAccountGrain>(accountId).GetAsync())!.Name);
    }

    [Fact]
    public async Task A_reminder_registered_before_a_restart_fires_after_it()
    {
        await using var database = await TestDatabase.CreateAsync();
        var probeId = Guid.NewGuid().ToString("N");
        await using (var first = await SiloProcess.StartAsync(database.ConnectionString))
        {
            var probe = first.Grains.GetGrain<IReminderProbeGrain>(probeId);
            await probe.ArmAsync(TimeSpan.FromSeconds(6), TimeSpan.FromHours(1));
            Assert.Equal(0, await probe.TicksAsync());
        }
        Assert.Equal(1L, await database.ScalarAsync<long>(ReminderTable.CountForKeySql, ("key", probeId)));

        await using var second = await SiloProcess.StartAsync(database.ConnectionString);

        await Eventually.ReturnsAsync(() => second.Grains.GetGrain<IReminderProbeGrain>(probeId).TicksAsync(), t => t >= 1,
            TimeSpan.FromSeconds(60), "the reminder fires on the restarted silo");
    }
}
