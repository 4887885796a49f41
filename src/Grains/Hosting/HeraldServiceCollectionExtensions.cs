using Herald.Grains.Delivery;
using Herald.Grains.Limits;
using Herald.Grains.Network;
using Herald.Grains.Notifications;
using Herald.Grains.Recovery;
using Herald.Grains.Secrets;
using Herald.Grains.Signing;
using Herald.Grains.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Herald.Grains.Hosting;

public static class HeraldServiceCollectionExtensions
{
    /// <summary>The database and the stores, for silos and for API processes alike.</summary>
    public static IServiceCollection AddHeraldStorage(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton(provider =>
        {
            var builder = new NpgsqlDataSourceBuilder(connectionString).UseLoggerFactory(provider.GetRequiredService<ILoggerFactory>());
            // Herald runs a handful of fixed statements over and over: prepared on each connection after a few uses,
            // PostgreSQL stops planning them again (planning was most of the cost of the queue's head read), and
            // as they leave no session state behind, a connection returned to the pool needs no DISCARD ALL.
            if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
            {
                builder.ConnectionStringBuilder.MaxAutoPrepare = 32;
            }
            builder.ConnectionStringBuilder.NoResetOnClose = true;
            return builder.Build();
        });
        services.AddSingleton<SchemaMigrator>();
        services.AddSingleton<EventStore>();
        services.AddSingleton<AttemptWriter>();
        services.AddSingleton<DeliveryQueue>();
        services.AddSingleton<AttemptLog>();
        services.AddSingleton<FailureOutbox>();
        services.AddSingleton<FailedRequeue>();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<PortalSessionStore>();
        services.AddSingleton<EventCatalogStore>();
        services.AddSingleton<EventLookup>();
        services.AddSingleton<EventSearch>();
        services.AddSingleton<DeliveryLog>();
        services.AddSingleton<WebhookStatsReader>();
        services.AddSingleton<RetentionStore>();
        services.AddSingleton<AccountStore>();
        services.AddSingleton<IdempotencyStore>();
        services.AddValidatedOptions<DeliveryOptions, DeliveryOptionsValidator>(DeliveryOptions.Section)
            .PostConfigure<IConfiguration>((o, configuration) => o.AllowedNetworks = DeliveryOptions.AllowedNetworksList(configuration) ?? o.AllowedNetworks);
        services.AddValidatedOptions<RetentionOptions, RetentionOptionsValidator>(RetentionOptions.Section);
        services.AddValidatedOptions<RecoveryOptions, RecoveryOptionsValidator>(RecoveryOptions.Section);
        services.AddValidatedOptions<LimitsOptions, LimitsOptionsValidator>(LimitsOptions.Section);
        services.AddValidatedOptions<StorageOptions, StorageOptionsValidator>(StorageOptions.Section);
        services.AddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>
    /// <c>ConnectionStrings:Herald</c>, for Herald's own statements and Orleans' ADO.NET providers alike. Neither
    /// leaves session state on a connection, so a pooled connection is handed back without the <c>DISCARD ALL</c> that
    /// Npgsql would otherwise send (measured: one per Orleans storage or reminder operation).
    /// </summary>
    public static string GetHeraldConnectionString(this IConfiguration configuration)
    {
        var configured = configuration.GetConnectionString("Herald")
            ?? throw new InvalidOperationException("ConnectionStrings:Herald is not set (e.g. ConnectionStrings__Herald=Host=127.0.0.1;Port=55432;...).");
        return configured.Length == 0 ? configured : new NpgsqlConnectionStringBuilder(configured) { NoResetOnClose = true }.ConnectionString;
    }

    /// <summary>Sealing and opening of endpoint secrets under <c>Herald:Secrets:MasterKey</c>, checked when the host starts.</summary>
    public static IServiceCollection AddHeraldSecrets(this IServiceCollection services)
    {
        services.AddHeraldSecretProtector();
        services.AddSingleton<EndpointSecrets>();
        services.AddSingleton<DeliverySigner>();
        return services;
    }

    /// <summary>
    /// Sealing under <c>Herald:Secrets:MasterKey</c> alone, for an API process that is not a silo (it seals the stored
    /// answers of idempotent requests that hold secrets).
    /// </summary>
    public static IServiceCollection AddHeraldSecretProtector(this IServiceCollection services)
    {
        if (!services.Any(s => s.ServiceType == typeof(SecretProtector)))
        {
            services.AddValidatedOptions<SecretsOptions, SecretsOptionsValidator>(SecretsOptions.Section);
            services.AddSingleton<SecretProtector>();
        }
        return services;
    }

    /// <summary>Disable notices by email through <c>Herald:Smtp</c>, checked when the host starts; without a host, no email.</summary>
    public static IServiceCollection AddHeraldNotifications(this IServiceCollection services)
    {
        services.AddValidatedOptions<SmtpOptions, SmtpOptionsValidator>(SmtpOptions.Section);
        services.AddSingleton<SmtpMailer>();
        return services;
    }

    /// <summary>
    /// Delivery's HTTP client: redirects are not followed, cookies are not kept, the timeout is per endpoint, and every
    /// connection goes through the SSRF guard. No proxy: the guard must see the address it connects to.
    /// </summary>
    public static IServiceCollection AddHeraldDelivery(this IServiceCollection services)
    {
        services.AddSingleton<WebhookSender>();
        services.AddSingleton(provider => new DestinationPolicy(provider.GetRequiredService<IOptions<DeliveryOptions>>().Value));
        services.AddSingleton<GuardedConnector>();
        services.AddHttpClient(WebhookSender.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                UseProxy = false,
                ConnectCallback = provider.GetRequiredService<GuardedConnector>().ConnectAsync,
                ConnectTimeout = TimeSpan.FromSeconds(10),
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                MaxConnectionsPerServer = 64,
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
        return services;
    }
}
