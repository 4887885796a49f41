namespace Herald.Abstractions.Events;

/// <summary>
/// A publish was refused because the body to deliver, as the account writes it (canonicalised when it asks for that),
/// is larger than the deployment allows. Nothing was stored.
/// </summary>
[GenerateSerializer, Alias("herald.payload-too-large")]
public sealed class PayloadTooLargeException : Exception
{
    public PayloadTooLargeException()
    {
    }

    public PayloadTooLargeException(int size, int limit)
        : base($"The body to deliver would be {size} bytes; the limit is {limit}.")
    {
        Size = size;
        Limit = limit;
    }

    [Id(0)] public int Size { get; init; }

    [Id(1)] public int Limit { get; init; }
}
