using Microsoft.Extensions.Options;

namespace Herald.Grains.Notifications;

/// <summary>Without a host, email is off and nothing else is checked; with one, a silo refuses to start on a setting it could not use.</summary>
public sealed class SmtpOptionsValidator : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        if (!options.IsConfigured)
        {
            return ValidateOptionsResult.Success;
        }
        const string section = SmtpOptions.Section;
        var errors = new List<string>();
        if (!EmailAddress.IsValid(options.From))
        {
            errors.Add($"{section}:From must be the sender's email address (such as herald@example.com) when {section}:Host is set.");
        }
        if (options.Port is < 0 or > 65535)
        {
            errors.Add($"{section}:Port must be 1–65535, or 0 for the TLS mode's usual port (25, 587, 465).");
        }
        if (!Enum.IsDefined(options.TlsMode))
        {
            errors.Add($"{section}:TlsMode must be None, StartTls or ImplicitTls.");
        }
        if (string.IsNullOrEmpty(options.UserName) != string.IsNullOrEmpty(options.Password))
        {
            errors.Add($"{section}:UserName and {section}:Password go together: set both to authenticate, or neither.");
        }
        if (options.Timeout < TimeSpan.FromSeconds(1) || options.Timeout > TimeSpan.FromMinutes(5))
        {
            errors.Add($"{section}:Timeout must be from 00:00:01 to 00:05:00.");
        }
        if (options.MaxAttempts is < 1 or > 20)
        {
            errors.Add($"{section}:MaxAttempts must be 1–20.");
        }
        if (options.RetryDelay <= TimeSpan.Zero || options.RetryDelay > TimeSpan.FromHours(1))
        {
            errors.Add($"{section}:RetryDelay must be more than 0 and at most 01:00:00.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
