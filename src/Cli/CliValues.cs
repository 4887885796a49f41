using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Herald.Client;

namespace Herald.Cli;

/// <summary>Reads option values that System.CommandLine leaves as text: JSON, RFC 3339 times, Herald durations.</summary>
public static class CliValues
{
    public static JsonNode? Json(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw new CliUsageException($"{option}: not JSON ({e.Message}).");
        }
    }

    public static JsonObject? JsonObject(string? text, string option) =>
        Json(text, option) switch
        {
            null => null,
            JsonObject o => o,
            _ => throw new CliUsageException($"{option}: give a JSON object."),
        };

    public static DateTimeOffset? Time(string? text, string option) =>
        text is null ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time
        : throw new CliUsageException($"{option}: give an RFC 3339 time such as 2026-12-01T00:00:00Z.");

    public static TimeSpan? Span(string? text, string option) =>
        text is null ? null
        : Duration.TryParse(text, out var span) ? span
        : throw new CliUsageException($"{option}: give a duration such as 500ms, 10s, 5m, 2h or 1d.");
}
