namespace Herald.Abstractions.Webhooks;

public enum ResendOutcome
{
    NotFound = 0,
    AlreadyQueued = 1,
    Queued = 2,
}
