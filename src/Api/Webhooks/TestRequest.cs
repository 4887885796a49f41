using System.Text.Json;

namespace Herald.Api.Webhooks;

/// <summary>
/// The body of <c>POST /v1/webhooks/{id}/test</c>, all optional: an event <c>type</c> from the catalog (or one of
/// Herald's own) and its <c>data</c> (default: the catalog's example for the type). No body: a <c>webhook.test</c> ping.
/// </summary>
public sealed record TestRequest(string? Type, JsonElement? Data);
