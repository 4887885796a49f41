using Herald.Grains.Storage;
using Orleans.Runtime;

namespace Herald.Grains.Hosting;

/// <summary>Applies the schema before any Orleans provider touches the database (the first stage of the silo's life).</summary>
public sealed class MigrateOnStart(SchemaMigrator migrator) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(MigrateOnStart), ServiceLifecycleStage.First, async ct => await migrator.MigrateAsync(ct));
}
