using System.CommandLine;
using Herald.Client;

namespace Herald.Cli;

/// <summary>The filters of a webhook's deliveries and attempts.</summary>
public sealed class DeliveryFilterOptions
{
    public Option<string?> Status { get; } = new("--status") { Description = "Only this status (deliveries: pending, held, succeeded, failed; attempts: succeeded, failed)." };
    public Option<string?> EventType { get; } = new("--event-type") { Description = "Only deliveries of this event type." };
    public Option<string?> EventId { get; } = new("--event-id") { Description = "Only deliveries of this event." };

    public void AddTo(Command command)
    {
        command.Add(Status);
        command.Add(EventType);
        command.Add(EventId);
    }

    public ListOptions Read(ParseResult parse, ListOptions options) =>
        options with { Status = parse.GetValue(Status), EventType = parse.GetValue(EventType), EventId = parse.GetValue(EventId) };
}
