using Herald.Grains.Storage;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Storage;

/// <summary>
/// The endpoint and account grains read their record through <see cref="StateRecord{TState}"/>: once a clear has begun,
/// the record reads as gone even though the provider has not yet set <c>RecordExists</c> to false.
/// </summary>
public sealed class StateRecordTests
{
    [Fact]
    public void A_record_whose_clear_began_reads_as_gone_before_the_provider_clears_it()
    {
        var state = new HeldState<string>("account", recordExists: true);
        var record = new StateRecord<string>(state);
        Assert.True(record.Exists);

        record.BeginClear();

        Assert.True(state.RecordExists);
        Assert.False(record.Exists);
    }

    [Fact]
    public void A_failed_clear_gives_the_record_back()
    {
        var record = new StateRecord<string>(new HeldState<string>("account", recordExists: true));
        record.BeginClear();

        record.ClearFailed();

        Assert.True(record.Exists);
    }

    [Fact]
    public void A_state_without_a_record_never_reads_as_one()
    {
        var record = new StateRecord<string>(new HeldState<string>("", recordExists: false));

        record.ClearFailed();

        Assert.False(record.Exists);
    }
}
