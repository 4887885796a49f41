namespace Herald.Reliability.Infrastructure;

/// <summary>What one publish was answered: its status (0: no answer), whether a refusal said when to come back, and whether its body was problem+json.</summary>
public sealed record PublishOutcome(int Status, bool HasRetryAfter, bool IsProblem, string Excerpt)
{
    public bool Accepted => Status == 202;
}
