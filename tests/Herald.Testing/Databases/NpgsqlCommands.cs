using Npgsql;

namespace Herald.Testing.Databases;

public static class NpgsqlCommands
{
    /// <summary>A command on <paramref name="source"/> with named parameters (<c>@name</c> in the SQL).</summary>
    public static NpgsqlCommand Command(this NpgsqlDataSource source, string sql, params (string Name, object Value)[] parameters)
    {
        var command = source.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return command;
    }
}
