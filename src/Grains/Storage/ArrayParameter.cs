using Npgsql;
using NpgsqlTypes;

namespace Herald.Grains.Storage;

/// <summary>Array parameters, for the statements that take a batch of rows as columns through <c>unnest</c>.</summary>
internal static class ArrayParameter
{
    public static NpgsqlParameter Of<T>(string name, NpgsqlDbType elementType, IEnumerable<T> values) =>
        new(name, NpgsqlDbType.Array | elementType) { Value = values.ToArray() };

    public static NpgsqlParameter Text(string name, IEnumerable<string?> values) => Of(name, NpgsqlDbType.Text, values);
}
