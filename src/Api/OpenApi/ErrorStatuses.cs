namespace Herald.Api.OpenApi;

/// <summary>
/// The error statuses a <c>/v1</c> operation can answer, by rule rather than per route, so that a new route is documented
/// completely by its one line in <see cref="OperationNames"/>: every operation can be refused for its key (401, 403), its
/// rate (429), the state of the cluster or the database (503) or a bug (500); one with a route parameter, for an unknown
/// or foreign resource (404); one that takes a body, for its bytes (400, 413) and its fields (422); one with query
/// parameters, for them (400). <see cref="OperationName.MoreErrors"/> adds the rest (a 409).
/// </summary>
public static class ErrorStatuses
{
    public static IReadOnlyList<int> For(string method, string relativePath, bool hasQuery, OperationName? name)
    {
        var statuses = new SortedSet<int> { 401, 403, 429, 500, 503 };
        if (relativePath.Contains('{'))
        {
            statuses.Add(404);
        }
        if (method is "POST" or "PUT" or "PATCH")
        {
            statuses.UnionWith([400, 413, 422]);
        }
        if (hasQuery)
        {
            statuses.Add(400);
        }
        statuses.UnionWith(name?.MoreErrors ?? []);
        return [.. statuses];
    }
}
