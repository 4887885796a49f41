using NJsonSchema;
using NJsonSchema.References;

namespace Herald.Api.Catalog;

/// <summary>
/// Resolves only references inside the schema itself (<c>#/definitions/…</c>). A <c>$ref</c> to a file or a URL is
/// refused: loading a schema must never make Herald read its disk or send a request (an SSRF of its own).
/// </summary>
public sealed class LocalReferenceResolver(JsonSchema root)
    : JsonReferenceResolver(new JsonSchemaAppender(root, new DefaultTypeNameGenerator()))
{
    public override Task<IJsonReference> ResolveFileReferenceAsync(string filePath, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException($"The schema refers to \"{filePath}\"; only references inside the schema (\"#/…\") are allowed.");

    public override Task<IJsonReference> ResolveUrlReferenceAsync(string url, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException($"The schema refers to \"{url}\"; only references inside the schema (\"#/…\") are allowed.");
}
