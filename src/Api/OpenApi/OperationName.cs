namespace Herald.Api.OpenApi;

/// <summary>
/// What the OpenAPI document says about one operation: its <c>operationId</c> (what generated clients name the method),
/// its summary, and the error statuses it answers beyond those every operation of its kind answers
/// (<see cref="ErrorStatuses"/>), such as a <c>409</c>.
/// </summary>
public sealed record OperationName(string Id, string Summary, params int[] MoreErrors);
