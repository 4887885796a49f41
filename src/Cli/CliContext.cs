using System.CommandLine;
using Herald.Client;

namespace Herald.Cli;

/// <summary>The options every command takes (where Herald is, the key, the output format) and the client they make.</summary>
public sealed class CliContext(Func<string, string?> environment)
{
    public const string UrlVariable = "HERALD_URL";
    public const string KeyVariable = "HERALD_API_KEY";

    public static readonly Option<string?> Url = new("--url")
    {
        Description = $"Herald's address, e.g. http://127.0.0.1:5080 (default: ${UrlVariable}).",
        Recursive = true,
    };

    public static readonly Option<string?> Key = new("--key")
    {
        Description = $"The bearer key: admin key, account key (hk_…) or portal token (default: ${KeyVariable}).",
        Recursive = true,
    };

    public static readonly Option<OutputFormat> Output = new("--output", "-o")
    {
        Description = "json (the default: Herald's answer, indented) or table.",
        DefaultValueFactory = _ => OutputFormat.Json,
        Recursive = true,
    };

    public HeraldClient Connect(ParseResult parse)
    {
        var url = parse.GetValue(Url) ?? environment(UrlVariable);
        var key = parse.GetValue(Key) ?? environment(KeyVariable);
        if (string.IsNullOrEmpty(url) || !Uri.TryCreate(url, UriKind.Absolute, out var address))
        {
            throw new CliUsageException($"Give Herald's address: --url http://127.0.0.1:5080 or ${UrlVariable}.");
        }
        if (string.IsNullOrEmpty(key))
        {
            throw new CliUsageException($"Give a key: --key … or ${KeyVariable}.");
        }
        return new HeraldClient(new HttpClient(), new HeraldClientOptions { BaseAddress = address, ApiKey = key });
    }
}
