using System.Text.Json;
using System.Text.Json.Serialization;

namespace Herald.Client.Models;

/// <summary>An object Herald answers: the fields this client names, and every other one kept in <see cref="Extra"/> (a newer Herald's).</summary>
public abstract record ApiObject
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }

    /// <summary>Its fields, credentials masked (<see cref="SafePrint"/>); sealed, so no derived record prints them its own way.</summary>
    public sealed override string ToString() => SafePrint.Of(this);
}
