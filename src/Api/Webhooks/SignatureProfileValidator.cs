using Herald.Abstractions.Signatures;
using Herald.Api.Json;
using Herald.Verification;

namespace Herald.Api.Webhooks;

/// <summary>Checks a <c>signature</c> object (a webhook's or an account's default) and builds its <see cref="SignatureProfile"/>.</summary>
public static class SignatureProfileValidator
{
    private const int MaxPrefixLength = 32;

    public static SignatureProfile? Validate(SignatureRequest? request, string field, FieldErrors errors)
    {
        if (request is null)
        {
            return null;
        }
        if (request.Scheme is null || !SignatureNames.Schemes.TryGetValue(request.Scheme, out var scheme))
        {
            errors.Add(field + ".scheme", $"Use {SignatureNames.Choices(SignatureNames.Schemes)}.");
            return null;
        }
        return scheme == SignatureScheme.StandardWebhooks ? Standard(request, field, errors) : Hmac(request, field, errors);
    }

    /// <summary>Every header a profile sets, for the collision check against a webhook's custom headers.</summary>
    public static IEnumerable<string> HeaderNames(SignatureProfile profile) =>
        profile.ToHmacProfile() is { } hmac
            ? new[] { hmac.Header, hmac.PreviousHeader, hmac.EventIdHeader, hmac.TimestampHeader, profile.EventHeader }.OfType<string>()
            : [];

    private static SignatureProfile? Standard(SignatureRequest request, string field, FieldErrors errors)
    {
        var customFields = new (string Name, string? Value)[]
        {
            ("header", request.Header), ("encoding", request.Encoding), ("prefix", request.Prefix),
            ("signed_content", request.SignedContent), ("timestamp_header", request.TimestampHeader),
            ("event_header", request.EventHeader), ("id_header", request.IdHeader),
        };
        foreach (var (name, _) in customFields.Where(f => f.Value is not null))
        {
            errors.Add($"{field}.{name}", "Standard Webhooks headers are fixed; this field belongs to \"hmac-sha256\" profiles.");
        }
        return SignatureProfile.StandardWebhooks;
    }

    private static SignatureProfile? Hmac(SignatureRequest request, string field, FieldErrors errors)
    {
        var encoding = SignatureEncoding.Hex;
        if (request.Encoding is { } encodingName && !SignatureNames.Encodings.TryGetValue(encodingName, out encoding))
        {
            errors.Add(field + ".encoding", $"Use {SignatureNames.Choices(SignatureNames.Encodings)}.");
        }
        var content = SignedContent.Body;
        if (request.SignedContent is { } contentName && !SignatureNames.Contents.TryGetValue(contentName, out content))
        {
            errors.Add(field + ".signed_content", $"Use {SignatureNames.Choices(SignatureNames.Contents)}.");
        }
        else if (content != SignedContent.Body && request.TimestampHeader is null)
        {
            errors.Add(field + ".signed_content", "A signed timestamp must also be sent: set \"timestamp_header\".");
        }
        if (request.Prefix is { } prefix && (prefix.Length is 0 or > MaxPrefixLength || prefix.Any(c => c is < '!' or > '~')))
        {
            errors.Add(field + ".prefix", $"Use 1–{MaxPrefixLength} visible ASCII characters, such as \"sha256=\".");
        }
        if (request.Header is null)
        {
            errors.Add(field + ".header", "Name the header that carries the signature, such as \"X-Signature\".");
        }
        var headers = new (string Name, string? Value)[]
        {
            ("header", request.Header), ("timestamp_header", request.TimestampHeader),
            ("event_header", request.EventHeader), ("id_header", request.IdHeader),
        };
        CheckHeaderNames(headers, field, errors);
        return new SignatureProfile
        {
            Scheme = SignatureScheme.HmacSha256,
            Header = request.Header,
            Encoding = encoding,
            Prefix = request.Prefix,
            SignedContent = content,
            TimestampHeader = request.TimestampHeader,
            EventHeader = request.EventHeader,
            IdHeader = request.IdHeader,
        };
    }

    private static void CheckHeaderNames((string Name, string? Value)[] headers, string field, FieldErrors errors)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (headers[0].Value is { } signatureHeader)
        {
            seen.Add(signatureHeader + HmacProfile.PreviousHeaderSuffix);
        }
        foreach (var (name, value) in headers)
        {
            if (value is null)
            {
                continue;
            }
            var ownDefault = name == "id_header" && value.Equals(HmacProfile.DefaultIdHeader, StringComparison.OrdinalIgnoreCase);
            if (!HeaderRules.IsName(value) || (HeaderRules.IsReserved(value) && !ownDefault))
            {
                errors.Add($"{field}.{name}", "Use a valid header name that is not one of Herald's own or a hop-by-hop header.");
            }
            else if (!seen.Add(value))
            {
                errors.Add($"{field}.{name}", "Each header of the profile must have a name of its own.");
            }
        }
    }
}
