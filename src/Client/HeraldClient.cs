namespace Herald.Client;

/// <summary>
/// Herald's REST API for publishers and operators. Every error answer surfaces as a <see cref="HeraldApiException"/>;
/// a 429 or 503 is sent again after its <c>Retry-After</c> (<see cref="HeraldClientOptions.MaxAttempts"/> tries at most).
/// </summary>
public sealed class HeraldClient
{
    /// <param name="http">The HttpClient to send with (from <c>IHttpClientFactory</c>, or one kept for the application's life).</param>
    /// <param name="options">Herald's address, the key, and the retry bounds.</param>
    public HeraldClient(HttpClient http, HeraldClientOptions options)
    {
        var connection = new HeraldConnection(http, options);
        Accounts = new AccountsClient(connection);
        Webhooks = new WebhooksClient(connection);
        Events = new EventsClient(connection);
        EventTypes = new EventTypesClient(connection);
        Access = new AccessClient(connection);
    }

    /// <summary>A client on an HttpClient of its own.</summary>
    public HeraldClient(Uri baseAddress, string apiKey)
        : this(new HttpClient(), new HeraldClientOptions { BaseAddress = baseAddress, ApiKey = apiKey })
    {
    }

    public AccountsClient Accounts { get; }

    public WebhooksClient Webhooks { get; }

    public EventsClient Events { get; }

    public EventTypesClient EventTypes { get; }

    public AccessClient Access { get; }
}
