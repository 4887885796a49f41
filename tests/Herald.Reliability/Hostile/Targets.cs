namespace Herald.Reliability.Hostile;

/// <summary>
/// What the hostile requests aim at: two accounts with their keys, webhooks, events and deliveries, and the admin key.
/// Each account's private marker is in its name, its webhook's URL and description: no answer to the other account may show it.
/// </summary>
public sealed record Targets(
    string AdminKey,
    string AccountA,
    string KeyA,
    string WebhookA,
    string EventA,
    string DeliveryA,
    string AccountB,
    string KeyB,
    string WebhookB,
    string EventB,
    string DeliveryB)
{
    public const string PrivateMarkerA = "a-private-3e1d";
    public const string PrivateMarkerB = "b-private-7f3c";

    /// <summary>The marker that an answer to <paramref name="caller"/> ("a" or "b") must never contain; null for the admin and for no key.</summary>
    public static string? ForeignMarker(string caller) => caller switch
    {
        "a" => PrivateMarkerB,
        "b" => PrivateMarkerA,
        _ => null,
    };

    public string Key(string caller) => caller switch
    {
        "a" => KeyA,
        "b" => KeyB,
        "admin" => AdminKey,
        _ => "",
    };
}
