namespace Herald.Api.Accounts;

public sealed record CreateAccountRequest(string? Name);
