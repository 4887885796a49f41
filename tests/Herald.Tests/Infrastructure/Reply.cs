namespace Herald.Tests.Infrastructure;

/// <summary>
/// How the receiver answers one request; <paramref name="AnswerAfter"/>: not before this task completes (a test's own moment);
/// <paramref name="Body"/>: the bytes of the answer (null: <c>received</c>).
/// </summary>
public sealed record Reply(int Status = 200, string? RetryAfter = null, TimeSpan? Hang = null, bool Reset = false, string? Location = null, Task? AnswerAfter = null,
    byte[]? Body = null)
{
    public static Reply Ok { get; } = new();

    public static implicit operator Reply(int status) => new(status);
}
