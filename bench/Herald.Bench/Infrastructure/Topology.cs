using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Herald.Testing.Signatures;

namespace Herald.Bench.Infrastructure;

/// <summary>Registers accounts and webhooks through the REST API, each webhook on a path of its own at the receiver.</summary>
public static class Topology
{
    /// <summary>
    /// <paramref name="accounts"/> accounts of <paramref name="perAccount"/> webhooks each; webhook j of every account
    /// subscribes to <paramref name="eventType"/>(j). Endpoints come back account-major.
    /// </summary>
    public static async Task<IReadOnlyList<BenchEndpoint>> CreateAsync(
        BenchContext context, string label, int accounts, int perAccount, Func<int, string> eventType,
        Func<JsonObject>? webhookSettings = null, Func<JsonObject>? accountSettings = null)
    {
        var created = new ConcurrentDictionary<(int, int), BenchEndpoint>();
        var keys = new (string Id, string Key)[accounts];
        await Parallel.ForEachAsync(Enumerable.Range(0, accounts), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (a, _) =>
            keys[a] = await context.Client.CreateAccountAsync($"bench {label} {a}", accountSettings?.Invoke()));
        // An account registers its webhooks one at a time (its grain is not reentrant), so spread the calls over accounts.
        var work = Enumerable.Range(0, perAccount).SelectMany(j => Enumerable.Range(0, accounts).Select(a => (a, j)));
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (item, _) =>
        {
            var (a, j) = item;
            var path = $"/{label}/{a}/{j}";
            var (id, secret) = await context.Client.CreateWebhookAsync(keys[a].Id, context.Receiver.Url(path), [eventType(j)], webhookSettings?.Invoke());
            context.Receiver.Keys[path] = StandardWebhooks.DecodeSecret(secret);
            created[(a, j)] = new BenchEndpoint(keys[a].Id, keys[a].Key, id, path, eventType(j));
        });
        return [.. created.OrderBy(e => e.Key.Item1).ThenBy(e => e.Key.Item2).Select(e => e.Value)];
    }

    public static Task ForEachAsync(IEnumerable<BenchEndpoint> endpoints, Func<BenchEndpoint, Task> action, int parallelism = 32) =>
        Parallel.ForEachAsync(endpoints, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (e, _) => await action(e));
}
