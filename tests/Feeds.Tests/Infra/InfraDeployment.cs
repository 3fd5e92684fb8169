using System.Text.Json.Nodes;
using Feeds.Local;

namespace Feeds.Tests.Infra;

/// <summary>
/// infra/main.bicep compiled to an ARM template, then evaluated offline by <c>bicep snapshot</c> with fixed test
/// parameters: the predicted resources, with names, scopes, role ids and settings resolved as far as they can be
/// before deployment (values Azure assigns at deployment, such as principal ids, stay <c>[reference(...)]</c>).
/// </summary>
public sealed class InfraDeployment
{
    public const string SubscriptionId = "00000000-0000-0000-0000-00000000000a";
    public const string TenantId = "00000000-0000-0000-0000-00000000000b";
    public const string Location = "westeurope";
    public const string UserPrincipalId = "33333333-3333-3333-3333-333333333333";
    public const string DashboardOrigin = "https://dashboard.example.org";
    public const string BudgetStartDate = "2026-12-01";
    public static readonly IReadOnlyList<string> PartnerPrincipalIds =
        ["11111111-1111-1111-1111-111111111111", "22222222-2222-2222-2222-222222222222"];

    private static readonly Lazy<string> CompiledMain = new(Compile);
    private static readonly Lazy<InfraDeployment> DefaultDeployment = new(() => Evaluate(CompileMainTemplate()));
    private static readonly Lazy<InfraDeployment> SmallDeployment = new(() => Evaluate(CompileMainTemplate(),
        "param deployFrontDoor = false\nparam logDailyCapGb = -1\nparam monthlyBudget = 0"));

    private InfraDeployment(JsonObject template, IReadOnlyList<JsonObject> resources)
    {
        Template = template;
        Resources = resources;
    }

    public static string InfraDirectory => Path.Combine(RepositoryRoot.Find(), "infra");

    /// <summary>The real templates, evaluated once per test run.</summary>
    public static InfraDeployment Default => DefaultDeployment.Value;

    /// <summary>The real templates for a small deployment: no Front Door, no daily cap, no budget.</summary>
    public static InfraDeployment Small => SmallDeployment.Value;

    /// <summary>A fresh copy of the compiled main template, for a test to change.</summary>
    public static JsonObject CompileMainTemplate() => JsonNode.Parse(CompiledMain.Value)!.AsObject();

    public JsonObject Template { get; }

    public IReadOnlyList<JsonObject> Resources { get; }

    public IEnumerable<JsonObject> OfType(string type) =>
        Resources.Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase));

    /// <summary>The Functions host's storage account (<c>sthost…</c>) or the data account (<c>st…</c>).</summary>
    public JsonObject StorageAccount(bool host) => OfType("Microsoft.Storage/storageAccounts")
        .Single(a => ((string)a["name"]!).StartsWith("sthost", StringComparison.Ordinal) == host);

    public JsonObject One(string type)
    {
        var matches = OfType(type).ToList();
        Assert.True(matches.Count == 1, $"Expected one {type}, found {matches.Count}.");
        return matches[0];
    }

    /// <summary>The Function App's app settings, as the template sets them (values known only at deployment stay expressions).</summary>
    public IReadOnlyDictionary<string, string> AppSettings =>
        One("Microsoft.Web/sites/config")["properties"]!.AsObject()
            .ToDictionary(p => p.Key, p => ArmExpressions.Evaluate(p.Value?.GetValue<string>() ?? ""), StringComparer.Ordinal);

    /// <summary>Evaluates a compiled template (the real one or a changed copy) with the test parameters.</summary>
    public static InfraDeployment Evaluate(JsonObject template, string extraParameters = "")
    {
        var directory = Directory.CreateTempSubdirectory("feeds-infra-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "main.json"), template.ToJsonString());
            File.WriteAllText(Path.Combine(directory.FullName, "test.bicepparam"), $"""
                using 'main.json'
                param environmentName = 'feeds-test'
                param location = '{Location}'
                param principalId = '{UserPrincipalId}'
                param partnerPrincipalIds = '{string.Join("; ", PartnerPrincipalIds)}'
                param dashboardOrigin = '{DashboardOrigin}'
                param alertEmails = 'ops@example.org'
                param budgetStartDate = '{BudgetStartDate}'
                {extraParameters}
                """);
            var result = BicepCli.Run(directory.FullName, "snapshot", "test.bicepparam",
                "--subscription-id", SubscriptionId, "--tenant-id", TenantId, "--location", Location,
                "--deployment-name", "feeds");
            Assert.True(result.ExitCode == 0, $"bicep snapshot failed ({result.ExitCode}):\n{result.Output}");

            var snapshot = JsonNode.Parse(File.ReadAllText(Path.Combine(directory.FullName, "test.snapshot.json")))!;
            var diagnostics = snapshot["diagnostics"]?.AsArray() ?? [];
            Assert.True(diagnostics.Count == 0, $"bicep snapshot reported: {diagnostics.ToJsonString()}");
            var resources = snapshot["predictedResources"]!.AsArray().Select(r => r!.AsObject()).ToList();
            return new InfraDeployment(template, resources);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static string Compile()
    {
        var output = Path.Combine(Directory.CreateTempSubdirectory("feeds-infra-build-").FullName, "main.json");
        var result = BicepCli.Run(InfraDirectory, "build", "main.bicep", "--outfile", output);
        Assert.True(result.ExitCode == 0 && result.Diagnostics.Count == 0,
            $"bicep build infra/main.bicep failed or warned ({result.ExitCode}):\n{result.Output}");
        var text = File.ReadAllText(output);
        Directory.Delete(Path.GetDirectoryName(output)!, recursive: true);
        return text;
    }
}
