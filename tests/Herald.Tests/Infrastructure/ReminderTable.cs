namespace Herald.Tests.Infrastructure;

/// <summary>Reads Orleans' reminder table (0004_orleans_reminders.sql) to see which reminders a grain holds.</summary>
public static class ReminderTable
{
    /// <summary>Reminders of grains whose key is exactly @key (GrainId is stored as "type/key").</summary>
    public const string CountForKeySql = "select count(*) from orleansreminderstable where grainid like '%/' || @key";

    /// <summary>Reminders of grains whose key starts with @prefix.</summary>
    public const string CountForKeyPrefixSql = "select count(*) from orleansreminderstable where grainid like '%/' || @prefix || '%'";
}
