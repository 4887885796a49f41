using Herald.Grains.Endpoints;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Endpoints;

/// <summary>
/// The storage provider clears a grain's state on a pool thread while the grain's interleaved calls run: a GET that
/// read the tombstone and then the blank state answered 500. Once an endpoint's removal begins, nothing takes its
/// state for a webhook any more, and only one removal runs at a time.
/// </summary>
public sealed class EndpointContextTests
{
    [Fact]
    public void A_tombstone_whose_removal_began_reads_as_gone_while_its_record_still_exists()
    {
        var state = new HeldState<EndpointState>(new EndpointState { AccountId = "acct_1", Deleted = true }, recordExists: true);
        var endpoint = new EndpointContext("wh_1", state);
        Assert.True(endpoint.IsTombstone);

        Assert.True(endpoint.BeginForget());

        Assert.True(state.RecordExists);
        Assert.False(endpoint.IsRecorded);
        Assert.False(endpoint.IsTombstone);
        Assert.False(endpoint.Exists);
    }

    [Fact]
    public void Only_one_removal_runs_at_a_time_and_a_failed_one_leaves_the_tombstone_to_retry()
    {
        var endpoint = new EndpointContext("wh_1", new HeldState<EndpointState>(new EndpointState { Deleted = true }, recordExists: true));
        Assert.True(endpoint.BeginForget());

        Assert.False(endpoint.BeginForget());

        endpoint.ForgetFailed();
        Assert.True(endpoint.IsTombstone);
        Assert.True(endpoint.BeginForget());
    }

    [Fact]
    public void A_webhook_that_is_not_deleted_is_never_removed()
    {
        var endpoint = new EndpointContext("wh_1", new HeldState<EndpointState>(new EndpointState { AccountId = "acct_1" }, recordExists: true));

        Assert.False(endpoint.BeginForget());

        Assert.True(endpoint.Exists);
        Assert.True(endpoint.IsRecorded);
    }
}
