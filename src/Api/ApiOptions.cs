namespace Herald.Api;

/// <summary>API settings, bound from <c>Herald</c>.</summary>
public sealed class ApiOptions
{
    public const string Section = "Herald";

    /// <summary>The admin bearer key; when empty, admin routes are closed.</summary>
    public string AdminKey { get; set; } = "";

    /// <summary>The largest request body accepted (the whole JSON, payload included).</summary>
    public long MaxRequestBytes { get; set; } = 256 * 1024;
}
