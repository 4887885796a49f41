namespace Herald.Grains.Storage;

/// <summary>
/// Whether a grain's persistent state has a record, as the grain may read it while a clear runs. Orleans' ADO.NET
/// provider finishes a clear after its own unscheduled await, on a pool thread: it sets <c>RecordExists</c> to false
/// and swaps in a blank state while the grain's interleaved calls run on the grain's thread. So a grain marks the clear
/// as begun before it starts it, and every read asks here first: from that mark on, there is no record to read.
/// </summary>
internal sealed class StateRecord<TState>(IPersistentState<TState> state)
{
    private bool _clearing;

    /// <summary>The record exists and no clear of it has begun.</summary>
    public bool Exists => !_clearing && state.RecordExists;

    /// <summary>Called before the clear starts; from here on <see cref="Exists"/> is false.</summary>
    public void BeginClear() => _clearing = true;

    /// <summary>The clear failed before the provider touched the state: the record stands again.</summary>
    public void ClearFailed() => _clearing = false;
}
