namespace Herald.Cli;

/// <summary>A row <see cref="DeliveryTail"/> follows: its id, when it was attempted, and what to write.</summary>
internal sealed record TailRow(string Id, DateTimeOffset? At, object Body);
