namespace Herald.Tests.Infrastructure;

/// <summary>The master key every test host uses to seal endpoint secrets (a fixed test value, never a production key).</summary>
public static class TestSecrets
{
    public const string MasterKeySetting = "Herald:Secrets:MasterKey";
    public const string MasterKey = "ZWZnaGlqa2xtbm9wcXJzdHV2d3h5ent8fX5/gIGCg4Q=";
}
