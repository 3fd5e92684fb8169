namespace Feeds.Tests.Infra;

/// <summary>
/// Compares the settings the code reads (key → default, in configuration form <c>Feeds:Schedules:Catalog</c>) with
/// the app settings the templates set (Azure form <c>Feeds__Schedules__Catalog</c>) and lists every difference.
/// </summary>
public static class InfraSettingsParity
{
    public const string FeedsStorage = "FeedsStorage";

    /// <summary>FeedsStorage in Azure: identity-based, never a connection string.</summary>
    public static readonly IReadOnlyDictionary<string, string?> FeedsStorageIdentityKeys = new Dictionary<string, string?>
    {
        ["FeedsStorage__tableServiceUri"] = null,
        ["FeedsStorage__blobServiceUri"] = null,
        ["FeedsStorage__queueServiceUri"] = null,
        ["FeedsStorage__credential"] = "managedidentity",
        ["FeedsStorage__clientId"] = null,
    };

    /// <summary>Settings the Functions host and the Application Insights SDK read, not the app's code.</summary>
    public static readonly IReadOnlySet<string> PlatformKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "AzureWebJobsStorage__credential",
        "AzureWebJobsStorage__clientId",
        "AzureWebJobsStorage__blobServiceUri",
        "AzureWebJobsStorage__tableServiceUri",
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
        "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
    };

    /// <summary>
    /// Settings whose deployed value comes from a resource the same deployment creates (an ARM expression), not the
    /// code's default, each with the resource.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> FromDeployment = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Feeds:RateLimit:FrontDoorId"] = "the Front Door profile's id, when the edge is deployed (edge.bicep)",
    };

    /// <summary>A secret is deployed as a Key Vault reference, not as its (empty) default.</summary>
    public static bool IsKeyVaultReference(string value) =>
        value.StartsWith("@Microsoft.KeyVault(SecretUri=https://", StringComparison.Ordinal) && value.EndsWith(')');

    /// <summary>Azure app setting name → configuration key (<c>Feeds__A__B</c> → <c>Feeds:A:B</c>).</summary>
    public static string ConfigurationKey(string appSetting) => appSetting.Replace("__", ":", StringComparison.Ordinal);

    public static IReadOnlyList<string> Problems(
        IReadOnlyDictionary<string, string> code,
        IReadOnlyDictionary<string, string> template,
        IReadOnlyDictionary<string, string> pending,
        IReadOnlyDictionary<string, string> localOnly)
    {
        var problems = new List<string>();
        var templateKeys = new Dictionary<string, string>(StringComparer.Ordinal); // configuration key → value

        foreach (var (name, value) in template)
        {
            if (PlatformKeys.Contains(name))
            {
                continue;
            }

            if (name == FeedsStorage)
            {
                problems.Add("The templates set FeedsStorage as a connection string; in Azure it must be identity-based (FeedsStorage__*).");
            }
            else if (name.StartsWith(FeedsStorage + "__", StringComparison.Ordinal))
            {
                if (!FeedsStorageIdentityKeys.TryGetValue(name, out var required))
                {
                    problems.Add($"The templates set {name}, which is not part of FeedsStorage's identity-based form.");
                }
                else if (required is not null && value != required)
                {
                    problems.Add($"The templates set {name} to '{value}'; it must be '{required}'.");
                }
            }
            else if (name.StartsWith("Feeds__", StringComparison.Ordinal))
            {
                templateKeys[ConfigurationKey(name)] = value;
            }
            else
            {
                problems.Add($"The templates set {name}, which neither the code nor the platform reads.");
            }
        }

        if (code.ContainsKey(FeedsStorage))
        {
            problems.AddRange(FeedsStorageIdentityKeys.Keys.Where(k => !template.ContainsKey(k))
                .Select(k => $"The code reads FeedsStorage; the templates do not set {k}."));
        }

        foreach (var (key, defaultValue) in code)
        {
            if (key == FeedsStorage)
            {
                continue;
            }

            if (localOnly.ContainsKey(key))
            {
                if (templateKeys.ContainsKey(key))
                {
                    problems.Add($"{key} is declared local-only but the templates set it.");
                }

                continue;
            }

            if (!templateKeys.TryGetValue(key, out var value))
            {
                problems.Add($"The code reads {key} (default '{defaultValue}'); the templates do not set it. " +
                             $"Add \"{key.Replace(":", "__", StringComparison.Ordinal)}\": \"{defaultValue}\" to infra/app-settings.json.");
            }
            else if (value != defaultValue && !IsKeyVaultReference(value) && !(FromDeployment.ContainsKey(key) && value.StartsWith('[')))
            {
                problems.Add($"{key}: the templates set '{value}', the code's default is '{defaultValue}'.");
            }
        }

        foreach (var key in templateKeys.Keys.Where(k => !code.ContainsKey(k)))
        {
            if (!pending.ContainsKey(key))
            {
                problems.Add($"The templates set {key}; the code does not read it (FeedsSettingsTable.All). Remove it from infra/, " +
                             "or add it to the options class that reads it.");
            }
        }

        foreach (var key in pending.Keys)
        {
            if (code.ContainsKey(key))
            {
                problems.Add($"{key} is read by the code now: remove its \"pending\" entry from the parity test.");
            }

            if (!templateKeys.ContainsKey(key))
            {
                problems.Add($"{key} is pending, but the templates do not set it.");
            }
        }

        foreach (var key in localOnly.Keys.Where(k => !code.ContainsKey(k)))
        {
            problems.Add($"{key} is declared local-only but the code does not read it.");
        }

        return problems;
    }
}
