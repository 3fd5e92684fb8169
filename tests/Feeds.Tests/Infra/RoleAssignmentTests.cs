using System.Text.Json.Nodes;

namespace Feeds.Tests.Infra;

/// <summary>
/// The role assignments the templates make are exactly the least-privilege set, pinned by built-in role GUID and
/// scope; and the check does fail when a copy of the compiled template widens one.
/// </summary>
public sealed class RoleAssignmentTests
{
    private const string Owner = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";
    private const string Contributor = "b24988ac-6180-42a0-ab88-20f7382dd24c";

    [Fact]
    public void Role_assignments_are_exactly_the_pinned_least_privilege_set()
    {
        var violations = RoleAssignmentPolicy.Violations(InfraDeployment.Default);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        Assert.Equal(RoleAssignmentPolicy.Expected(InfraDeployment.Default).Count,
            InfraDeployment.Default.OfType("Microsoft.Authorization/roleAssignments").Count());
    }

    [Fact]
    public void Role_assignment_names_are_derived_from_scope_principal_and_role()
    {
        // guid(scope.id, principalId, roleId): stable across redeploys, and a new principal gets a new assignment.
        var rbac = RbacResources(InfraDeployment.CompileMainTemplate());
        var assignments = rbac.Select(r => r.Value!).Where(r => (string?)r["type"] == "Microsoft.Authorization/roleAssignments").ToList();
        Assert.NotEmpty(assignments);
        foreach (var resource in assignments)
        {
            var name = (string)resource["name"]!;
            var scope = (string)resource["scope"]!;
            var principal = (string)resource["properties"]!["principalId"]!;
            var role = ((string)resource["properties"]!["roleDefinitionId"]!).Split(", ")[^1].TrimEnd(')', ']');
            Assert.Equal($"[guid({scope[1..^1]}, {principal[1..^1]}, {role})]", name);
        }
    }

    /// <summary>A change to a copy of the compiled template, and a fragment of the violation it must cause.</summary>
    public static TheoryData<string, string> Widenings => new()
    {
        { "app blob role becomes Owner", $"Unexpected role assignment: app an unlisted role ({Owner})" },
        { "app snapshots role becomes Blob Data Owner", "Unexpected role assignment: app Storage Blob Data Owner" },
        { "app snapshots role widened to the whole data account", "Unexpected role assignment: app Storage Blob Data Contributor" },
        { "partner reader widened to the whole account", "Unexpected role assignment: partner:11111111-1111-1111-1111-111111111111 Storage Blob Data Reader" },
        { "app secrets role moved up to the resource group", "scope that cannot be read" },
        { "an extra Contributor assignment", $"Unexpected role assignment: app an unlisted role ({Contributor})" },
    };

    [Theory]
    [MemberData(nameof(Widenings))]
    public void A_widened_role_assignment_fails_the_check(string widening, string expected)
    {
        var template = InfraDeployment.CompileMainTemplate();
        var rbac = RbacResources(template);
        switch (widening)
        {
            case "app blob role becomes Owner":
                rbac["appHostBlobOwner"]!["properties"]!["roleDefinitionId"] =
                    $"[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '{Owner}')]";
                break;
            case "app snapshots role becomes Blob Data Owner":
                rbac["appSnapshotsContributor"]!["properties"]!["roleDefinitionId"] =
                    $"[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '{RoleAssignmentPolicy.StorageBlobDataOwner}')]";
                break;
            case "app snapshots role widened to the whole data account":
                rbac["appSnapshotsContributor"]!["scope"] = "[resourceId('Microsoft.Storage/storageAccounts', parameters('storageAccountName'))]";
                break;
            case "partner reader widened to the whole account":
                rbac["partnerReaders"]!["scope"] = "[resourceId('Microsoft.Storage/storageAccounts', parameters('storageAccountName'))]";
                break;
            case "app secrets role moved up to the resource group":
                rbac["appSecretsUser"]!.AsObject().Remove("scope");
                break;
            case "an extra Contributor assignment":
                var extra = rbac["appTableContributor"]!.DeepClone().AsObject();
                extra["name"] = "[guid(resourceGroup().id, parameters('appPrincipalId'), 'extra')]";
                extra["properties"]!["roleDefinitionId"] = $"[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '{Contributor}')]";
                rbac["extra"] = extra;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(widening), widening, null);
        }

        var violations = RoleAssignmentPolicy.Violations(InfraDeployment.Evaluate(template));

        Assert.True(violations.Any(v => v.Contains(expected, StringComparison.Ordinal)),
            $"Expected a violation containing '{expected}'; got:\n{string.Join("\n", violations)}");
    }

    /// <summary>The rbac module's resources in the compiled template (symbolic names: languageVersion 2.0).</summary>
    private static JsonObject RbacResources(JsonObject template) =>
        template["resources"]!.AsArray()
            .Single(r => (string?)r!["type"] == "Microsoft.Resources/deployments" && (string?)r["name"] == "rbac")!
            ["properties"]!["template"]!["resources"]!.AsObject();
}
