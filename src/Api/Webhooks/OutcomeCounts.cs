namespace Herald.Api.Webhooks;

/// <summary>Attempts by outcome over a period; <c>success_rate</c> (succeeded ÷ all, 0–1) is null when there was no attempt.</summary>
public sealed record OutcomeCounts(int Succeeded, int Failed, double? SuccessRate)
{
    public static OutcomeCounts Of(int succeeded, int failed) =>
        new(succeeded, failed, succeeded + failed == 0 ? null : Math.Round((double)succeeded / (succeeded + failed), 4));
}
