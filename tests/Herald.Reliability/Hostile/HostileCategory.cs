namespace Herald.Reliability.Hostile;

/// <summary>The kinds of hostile request the generator makes (issue 11, scenario 4).</summary>
public enum HostileCategory
{
    MalformedJson,
    WrongTypes,
    HugeOrDeep,
    BadIds,
    OtherAccount,
    BadQuery,
    InvalidUtf8,
    MalformedChunked,
    HeaderTricks,
    AuthTricks,
    SlowBody,
    SlowHeaders,
}
