namespace Herald.Api.Webhooks;

/// <summary>Which of the named webhooks were deleted; ids that are unknown or another account's are listed as not found.</summary>
public sealed record BulkDeleteResponse(IReadOnlyList<string> Deleted, IReadOnlyList<string> NotFound);
