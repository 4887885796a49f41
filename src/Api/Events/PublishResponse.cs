namespace Herald.Api.Events;

public sealed record PublishResponse(string Id, int Endpoints);
