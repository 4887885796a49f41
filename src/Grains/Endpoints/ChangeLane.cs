namespace Herald.Grains.Endpoints;

/// <summary>
/// The endpoint's changes take turns here: every write of its grain state (two writes at once would conflict on the
/// ETag), and every status change together with the queue rows it moves (hold, release, requeue), so that a status
/// read and the write that depends on it see no other change in between. Never held across an HTTP attempt, so a
/// control call waits at most for a few short writes.
/// </summary>
internal sealed class ChangeLane
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    public async Task<T> RunAsync<T>(Func<Task<T>> change)
    {
        await _turn.WaitAsync();
        try
        {
            return await change();
        }
        finally
        {
            _turn.Release();
        }
    }

    public Task RunAsync(Func<Task> change) => RunAsync(async () =>
    {
        await change();
        return true;
    });
}
