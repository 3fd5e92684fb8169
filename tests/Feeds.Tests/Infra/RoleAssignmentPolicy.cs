using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Feeds.Tests.Infra;

/// <summary>
/// The least-privilege role assignments of the deployment, pinned by built-in role GUID and exact scope, and a check
/// that the evaluated template grants exactly those: no other role, no wider scope, no other principal.
/// </summary>
public static partial class RoleAssignmentPolicy
{
    public const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    public const string StorageBlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    public const string StorageBlobDataReader = "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1";
    public const string StorageBlobDelegator = "db58b8e5-c6ad-4a2a-8342-4190687cbf4a";
    public const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    public const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    public const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
    public const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    public const string KeyVaultSecretsOfficer = "b86a8fe4-44ce-4948-aee5-eccb2c155cd7";

    public const string App = "app";
    public const string User = "user";

    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        [StorageBlobDataOwner] = "Storage Blob Data Owner",
        [StorageBlobDataContributor] = "Storage Blob Data Contributor",
        [StorageBlobDataReader] = "Storage Blob Data Reader",
        [StorageBlobDelegator] = "Storage Blob Delegator",
        [StorageTableDataContributor] = "Storage Table Data Contributor",
        [StorageQueueDataContributor] = "Storage Queue Data Contributor",
        [MonitoringMetricsPublisher] = "Monitoring Metrics Publisher",
        [KeyVaultSecretsUser] = "Key Vault Secrets User",
        [KeyVaultSecretsOfficer] = "Key Vault Secrets Officer",
    };

    public static string RoleName(string roleId) => Names.GetValueOrDefault(roleId, "an unlisted role");

    /// <summary>What the deployment must grant, given the test parameters (a deploying user and two partners).</summary>
    public static IReadOnlyList<RoleGrant> Expected(InfraDeployment deployment)
    {
        var host = Id(deployment.StorageAccount(host: true));
        var data = Id(deployment.StorageAccount(host: false));
        var snapshots = deployment.OfType("Microsoft.Storage/storageAccounts/blobServices/containers")
            .Select(Id).Single(id => id.EndsWith("/containers/snapshots", StringComparison.Ordinal));
        Assert.StartsWith(data + "/", snapshots);
        var insights = Id(deployment.One("Microsoft.Insights/components"));
        var vault = Id(deployment.One("Microsoft.KeyVault/vaults"));

        List<RoleGrant> grants =
        [
            // The app on the host's account: host keys, leases, the Flex deployment package (blobs), host diagnostics (tables).
            new(App, StorageBlobDataOwner, host),
            new(App, StorageTableDataContributor, host),
            // The app on the data account: the snapshots container only (no Owner: versions stay), the delegation key
            // for the links' user-delegation SAS, the feed tables and the run queue (the account holds nothing else).
            new(App, StorageBlobDataContributor, snapshots),
            new(App, StorageBlobDelegator, data),
            new(App, StorageTableDataContributor, data),
            new(App, StorageQueueDataContributor, data),
            new(App, MonitoringMetricsPublisher, insights),
            new(App, KeyVaultSecretsUser, vault),
            // The deploying user, for local runs against the cloud data account and for setting the Comtrade key;
            // nothing on the host's account, whose blobs hold the function keys.
            new(User, StorageBlobDataContributor, data),
            new(User, StorageTableDataContributor, data),
            new(User, KeyVaultSecretsOfficer, vault),
        ];
        // Partners: read the snapshots container, nothing else.
        grants.AddRange(InfraDeployment.PartnerPrincipalIds.Select(id => new RoleGrant($"partner:{id}", StorageBlobDataReader, snapshots)));
        return grants;
    }

    /// <summary>Every difference between what the evaluated template grants and <see cref="Expected"/>.</summary>
    public static IReadOnlyList<string> Violations(InfraDeployment deployment)
    {
        var problems = new List<string>();
        var identity = Id(deployment.One("Microsoft.ManagedIdentity/userAssignedIdentities"));
        var actual = new List<RoleGrant>();
        foreach (var assignment in deployment.OfType("Microsoft.Authorization/roleAssignments"))
        {
            var grant = Read(assignment, identity, problems);
            if (grant is not null)
            {
                actual.Add(grant);
            }
        }

        var expected = Expected(deployment);
        var missing = expected.ToList();
        foreach (var grant in actual)
        {
            if (!missing.Remove(grant))
            {
                problems.Add($"Unexpected role assignment: {grant}.");
            }
        }

        problems.AddRange(missing.Select(grant => $"Missing role assignment: {grant}."));
        return problems;
    }

    private static RoleGrant? Read(JsonObject assignment, string identityId, List<string> problems)
    {
        var id = Id(assignment);
        var properties = assignment["properties"]!.AsObject();

        var scopeMatch = ExtensionScope().Match(id);
        var scope = scopeMatch.Success ? scopeMatch.Groups["scope"].Value
            : id.Contains(AssignmentSegment, StringComparison.Ordinal) && !id.StartsWith('[') ? id[..id.IndexOf(AssignmentSegment, StringComparison.Ordinal)]
            : null;
        if (scope is null)
        {
            problems.Add($"Role assignment with a scope that cannot be read before deployment: {id}");
            return null;
        }

        var roleMatch = PinnedRole().Match((string?)properties["roleDefinitionId"] ?? "");
        if (!roleMatch.Success)
        {
            problems.Add($"Role assignment on {scope} does not name a built-in role by GUID: {properties["roleDefinitionId"]}");
            return null;
        }

        var principalId = (string?)properties["principalId"] ?? "";
        string principal;
        if (principalId == $"[reference('{identityId}', '2023-01-31').principalId]")
        {
            principal = App;
            if ((string?)properties["principalType"] != "ServicePrincipal")
            {
                problems.Add($"The app identity's assignment on {scope} should say principalType ServicePrincipal.");
            }
        }
        else if (principalId == InfraDeployment.UserPrincipalId)
        {
            principal = User;
        }
        else if (InfraDeployment.PartnerPrincipalIds.Contains(principalId))
        {
            principal = $"partner:{principalId}";
        }
        else
        {
            problems.Add($"Role assignment on {scope} for an unknown principal: {principalId}");
            return null;
        }

        return new RoleGrant(principal, roleMatch.Groups["role"].Value.ToLowerInvariant(), scope);
    }

    private const string AssignmentSegment = "/providers/Microsoft.Authorization/roleAssignments/";

    private static string Id(JsonObject resource) => (string)resource["id"]!;

    /// <summary>[extensionResourceId('&lt;scope&gt;', 'Microsoft.Authorization/roleAssignments', ...)]: the name waits for a principal id.</summary>
    [GeneratedRegex(@"^\[extensionResourceId\('(?<scope>/subscriptions/[^']+)', 'Microsoft\.Authorization/roleAssignments',")]
    private static partial Regex ExtensionScope();

    [GeneratedRegex(@"^/subscriptions/[0-9a-f-]+/providers/Microsoft\.Authorization/roleDefinitions/(?<role>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$")]
    private static partial Regex PinnedRole();
}
