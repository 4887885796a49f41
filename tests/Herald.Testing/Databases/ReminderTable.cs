namespace Herald.Testing.Databases;

/// <summary>
/// SQL over Orleans' reminder table (src/Grains/Storage/Migrations/0004_orleans_reminders.sql): which reminders grains
/// hold, and how often the table is written. A GrainId is stored as "type/key".
/// </summary>
public static class ReminderTable
{
    /// <summary>Reminders of grains whose key is exactly <c>@key</c>.</summary>
    public const string CountForKeySql = "select count(*) from orleansreminderstable where grainid like '%/' || @key";

    /// <summary>Reminders of grains whose key starts with <c>@prefix</c>.</summary>
    public const string CountForKeyPrefixSql = "select count(*) from orleansreminderstable where grainid like '%/' || @prefix || '%'";

    /// <summary>Reminders of grains whose key is any of <c>@keys</c> (a text array).</summary>
    public const string CountForKeysSql =
        "select count(*) from orleansreminderstable r where exists (select 1 from unnest(@keys) as k(key) where r.grainid like '%/' || k.key)";

    /// <summary>
    /// From now on, a trigger counts every insert, update and delete on the reminder table, per grain, in
    /// <c>reminder_writes</c>: for a scratch database only.
    /// </summary>
    public const string CountWritesSql = """
        create table if not exists reminder_writes (grainid text, op text, at timestamptz default clock_timestamp());
        create or replace function count_reminder_write() returns trigger language plpgsql as $$
        begin
            insert into reminder_writes (grainid, op) values (coalesce(new.grainid, old.grainid), tg_op);
            return null;
        end $$;
        drop trigger if exists reminder_writes on orleansreminderstable;
        create trigger reminder_writes after insert or update or delete on orleansreminderstable
            for each row execute function count_reminder_write();
        """;

    /// <summary>Writes counted since <see cref="CountWritesSql"/>.</summary>
    public const string WritesSql = "select count(*) from reminder_writes";

    /// <summary>Writes counted since <see cref="CountWritesSql"/> for grains whose key is exactly <c>@key</c>.</summary>
    public const string WritesForKeySql = "select count(*) from reminder_writes where grainid like '%/' || @key";
}
