namespace Herald.Grains.Storage;

/// <summary>
/// An event type filter as SQL: an exact type, <c>*</c> (no condition), or a prefix pattern <c>invoice.*</c> (one or
/// more further segments, as subscriptions match), which becomes a <c>like</c> on the literal prefix so that an index of
/// <c>text_pattern_ops</c> serves it.
/// </summary>
public static class TypeFilter
{
    /// <summary>Adds the condition on <paramref name="column"/> for <paramref name="pattern"/> (a valid pattern, or null for none).</summary>
    public static void Apply(SqlConditions conditions, string column, string? pattern)
    {
        if (pattern is null or "*")
        {
            return;
        }
        if (pattern.EndsWith(".*", StringComparison.Ordinal))
        {
            // Types hold letters, digits, '_', '-' and '.': of these only '_' means something to like.
            var prefix = pattern[..^1].Replace("_", "\\_", StringComparison.Ordinal);
            conditions.Add($"{column} like @type_prefix", "type_prefix", prefix + "_%");
            return;
        }
        conditions.Add($"{column} = @type", "type", pattern);
    }
}
