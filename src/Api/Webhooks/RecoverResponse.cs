namespace Herald.Api.Webhooks;

public sealed record RecoverResponse(int Recovered);
