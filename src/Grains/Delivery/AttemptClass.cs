namespace Herald.Grains.Delivery;

/// <summary>What an attempt's outcome means for the delivery.</summary>
public enum AttemptClass
{
    Succeeded,
    Retryable,
    Permanent,
}
