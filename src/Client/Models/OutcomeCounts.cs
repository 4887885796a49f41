namespace Herald.Client.Models;

/// <summary>Attempts of a period by outcome; <see cref="SuccessRate"/> is null when there was none.</summary>
public sealed record OutcomeCounts : ApiObject
{
    public int Succeeded { get; init; }
    public int Failed { get; init; }
    public double? SuccessRate { get; init; }
}
