namespace Feeds.Core.Configuration;

/// <summary>Binds an options class to its section and validates it when the host starts, reporting every problem at once.</summary>
public static class OptionsRegistration
{
    public static OptionsBuilder<T> AddValidatedOptions<T>(
        this IServiceCollection services, IConfiguration configuration, string section, Func<T, IEnumerable<string>> problems)
        where T : class
    {
        services.AddSingleton<IValidateOptions<T>>(new Validator<T>(problems));
        return services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateOnStart();
    }

    private sealed class Validator<T>(Func<T, IEnumerable<string>> problems) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var found = problems(options).ToList();
            return found.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(found);
        }
    }
}
