using Npgsql;

namespace Herald.Grains.Storage;

/// <summary>
/// The where clause of a list read, made of fixed fragments chosen by the filters given, each with its parameter:
/// values always travel as parameters, and a filter left out costs the plan nothing (unlike "@x is null or …", which
/// keeps a prepared plan from using the index that the filter given would).
/// </summary>
public sealed class SqlConditions
{
    private readonly List<string> _fragments = [];
    private readonly List<NpgsqlParameter> _parameters = [];

    public SqlConditions Add(string fragment, string name, object value)
    {
        _fragments.Add(fragment);
        _parameters.Add(new NpgsqlParameter(name, value));
        return this;
    }

    /// <summary>A parameter that no condition names (the limit).</summary>
    public SqlConditions Parameter(string name, object value)
    {
        _parameters.Add(new NpgsqlParameter(name, value));
        return this;
    }

    /// <summary>Adds <paramref name="fragment"/> with its parameter when <paramref name="value"/> is given.</summary>
    public SqlConditions AddIf(object? value, string fragment, string name) => value is null ? this : Add(fragment, name, value);

    /// <summary>The list's time filters (since inclusive, until exclusive) and its keyset place, newest first by (time, id).</summary>
    public SqlConditions Window(string timeColumn, string idColumn, DateTimeOffset? since, DateTimeOffset? until, KeysetCursor? cursor)
    {
        AddIf(since, $"{timeColumn} >= @since", "since");
        AddIf(until, $"{timeColumn} < @until", "until");
        if (cursor is not null)
        {
            _fragments.Add($"({timeColumn}, {idColumn}) < (@cursor_time, @cursor_id)");
            _parameters.Add(new NpgsqlParameter("cursor_time", cursor.Time));
            _parameters.Add(new NpgsqlParameter("cursor_id", cursor.Id));
        }
        return this;
    }

    /// <summary>A command running <paramref name="sql"/>, whose <c>{where}</c> becomes the conditions joined by <c>and</c>.</summary>
    public NpgsqlCommand Command(NpgsqlDataSource dataSource, string sql)
    {
        var command = dataSource.CreateCommand(sql.Replace("{where}", string.Join(" and ", _fragments), StringComparison.Ordinal));
        command.Parameters.AddRange(_parameters.ToArray());
        return command;
    }
}
