namespace Herald.Grains.Storage;

/// <summary>What a resend of one delivery found.</summary>
public enum RequeueResult
{
    NotFound,
    AlreadyQueued,
    Queued,
}
