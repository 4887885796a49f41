namespace Herald.Abstractions.Accounts;

/// <summary>What follows when a delivery has used all its attempts.</summary>
public enum ExhaustionAction
{
    /// <summary>Mark the delivery failed; the endpoint stays active.</summary>
    Drop = 0,

    /// <summary>Also disable the endpoint after <see cref="AccountSettings.DisableAfter"/> exhausted deliveries in a row.</summary>
    Disable = 1,
}
