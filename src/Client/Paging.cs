using System.Runtime.CompilerServices;

namespace Herald.Client;

/// <summary>Walks a list page by page, following <c>next_cursor</c> until the last page.</summary>
public static class Paging
{
    public static async IAsyncEnumerable<T> AllAsync<T>(
        Func<ListOptions, CancellationToken, Task<Page<T>>> list, ListOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var query = options ?? new ListOptions();
        while (true)
        {
            var page = await list(query, cancellationToken);
            foreach (var item in page.Data)
            {
                yield return item;
            }
            if (page.NextCursor is null || page.HasMore == false)
            {
                yield break;
            }
            query = query with { Cursor = page.NextCursor };
        }
    }
}
