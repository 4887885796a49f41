using Microsoft.Extensions.Options;

namespace Herald.Grains.Secrets;

/// <summary>Refuses to start a silo without a usable master key, saying how to make one (and never echoing the value).</summary>
public sealed class SecretsOptionsValidator : IValidateOptions<SecretsOptions>
{
    public ValidateOptionsResult Validate(string? name, SecretsOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.MasterKey))
        {
            return ValidateOptionsResult.Fail(
                "Herald:Secrets:MasterKey is not set. It encrypts webhook secrets at rest: set Herald__Secrets__MasterKey to the " +
                "base64 of 32 random bytes (e.g. `openssl rand -base64 32`); scripts/run.sh keeps one in .data/master-key.");
        }
        return options.TryDecodeMasterKey() is null
            ? ValidateOptionsResult.Fail(
                "Herald:Secrets:MasterKey must be the base64 of exactly 32 random bytes (44 characters, e.g. `openssl rand -base64 32`).")
            : ValidateOptionsResult.Success;
    }
}
