using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Herald.Grains.Hosting;

public static class ValidatedOptions
{
    /// <summary>Binds <typeparamref name="TOptions"/> from <paramref name="section"/> and checks it with <typeparamref name="TValidator"/> when the host starts.</summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
        return services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
    }
}
