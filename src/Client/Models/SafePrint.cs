using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace Herald.Client.Models;

/// <summary>
/// The <c>ToString</c> of the client's models: the type and its public properties, with every
/// <see cref="CredentialAttribute"/> property that has a value printed as <c>***</c>, so that a model logged by the
/// caller never shows a key, secret, token or custom header.
/// </summary>
internal static class SafePrint
{
    public const string Masked = "***";

    public static string Of(object model)
    {
        var text = new StringBuilder(model.GetType().Name).Append(" { ");
        var first = true;
        foreach (var property in model.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.Name == nameof(ApiObject.Extra) || property.GetIndexParameters().Length > 0)
            {
                continue;
            }
            var value = property.GetValue(model);
            var shown = value is not null && property.IsDefined(typeof(CredentialAttribute)) ? Masked : Print(value);
            text.Append(first ? "" : ", ").Append(property.Name).Append(" = ").Append(shown);
            first = false;
        }
        return text.Append(" }").ToString();
    }

    private static string Print(object? value) => value switch
    {
        null => "",
        string s => s,
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Print)) + "]",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
