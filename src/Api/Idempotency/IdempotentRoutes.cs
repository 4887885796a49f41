namespace Herald.Api.Idempotency;

public static class IdempotentRoutes
{
    /// <summary>Honours <c>Idempotency-Key</c> on this route (after authentication, which the group's filter does).</summary>
    /// <param name="answersHoldSecrets">Whether the route's 2xx answers show a secret: they are stored sealed.</param>
    public static RouteHandlerBuilder Idempotent(this RouteHandlerBuilder route, bool answersHoldSecrets) =>
        route.WithMetadata(new IdempotentRoute(answersHoldSecrets)).AddEndpointFilter<IdempotencyFilter>();
}
