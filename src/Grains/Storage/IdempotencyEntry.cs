namespace Herald.Grains.Storage;

/// <summary>
/// A request already made with an idempotency key: the hash of what it sent and, once it has finished with a 2xx, its
/// answer (<see cref="StatusCode"/> null while it runs). <see cref="Response"/> is sealed when <see cref="Sealed"/>.
/// </summary>
public sealed record IdempotencyEntry(
    byte[] RequestHash, int? StatusCode, string? ContentType, string? Location, byte[]? Response, bool Sealed);
