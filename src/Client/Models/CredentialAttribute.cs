namespace Herald.Client.Models;

/// <summary>Marks a property that carries a credential (a key, a secret, a token): printed as <c>***</c> by <see cref="ApiObject.ToString"/>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class CredentialAttribute : Attribute;
