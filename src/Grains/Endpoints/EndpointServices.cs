using Herald.Grains.Delivery;
using Herald.Grains.Memory;
using Herald.Grains.Signing;
using Herald.Grains.Storage;
using Microsoft.Extensions.Options;

namespace Herald.Grains.Endpoints;

/// <summary>The silo's services that an endpoint grain hands to its parts: storage, the HTTP sender, signing, the window budget, settings, time, shutdown, and the count of deactivations.</summary>
public sealed record EndpointServices(
    DeliveryQueue Queue,
    FailureOutbox Outbox,
    FailedRequeue Requeue,
    WebhookSender Sender,
    DeliverySigner Signer,
    EndpointSecrets Secrets,
    WindowBudget Budget,
    IOptions<DeliveryOptions> Options,
    TimeProvider Time,
    DeliveryShutdown Shutdown,
    GrainTurnover Turnover);
