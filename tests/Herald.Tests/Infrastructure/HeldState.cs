namespace Herald.Tests.Infrastructure;

/// <summary>A grain state held in memory, for pure logic over <see cref="IPersistentState{TState}"/>: nothing is stored.</summary>
public sealed class HeldState<TState>(TState state, bool recordExists) : IPersistentState<TState>
{
    public TState State { get; set; } = state;

    public string? Etag => null;

    public bool RecordExists { get; set; } = recordExists;

    public Task ClearStateAsync() => throw new NotSupportedException();

    public Task WriteStateAsync() => throw new NotSupportedException();

    public Task ReadStateAsync() => throw new NotSupportedException();
}
