namespace Herald.Grains.Storage;

/// <summary>Names shared by the silo configuration and the grains.</summary>
public static class HeraldStorage
{
    /// <summary>The ADO.NET grain storage provider that holds grain state.</summary>
    public const string Name = "herald";

    /// <summary>The ADO.NET invariant for PostgreSQL.</summary>
    public const string Invariant = "Npgsql";
}
