using System.Text.Json.Nodes;
using Feeds.Core.Storage;

namespace Feeds.Tests.Infra;

/// <summary>
/// infra/ compiled and evaluated offline: what matters for a secure deployment holds in the resources the templates
/// would create (nothing here reaches Azure).
/// </summary>
public sealed class BicepTemplateTests
{
    private static InfraDeployment Deployment => InfraDeployment.Default;

    private static JsonObject Properties(JsonObject resource) => resource["properties"]!.AsObject();

    [Fact]
    public void Every_template_lints_without_a_finding()
    {
        // bicepconfig.json makes every default-on rule an error; compiler warnings count as findings too.
        var result = BicepCli.Run(InfraDeployment.InfraDirectory, "lint", "--pattern", "**/*.bicep");
        Assert.True(result.ExitCode == 0 && result.Diagnostics.Count == 0, $"bicep lint:\n{result.Output}");
        Assert.Contains("\"level\": \"error\"", File.ReadAllText(Path.Combine(InfraDeployment.InfraDirectory, "bicepconfig.json")));
    }

    [Fact]
    public void Main_template_compiles_to_a_subscription_deployment()
    {
        var template = InfraDeployment.CompileMainTemplate();
        Assert.Contains("subscriptionDeploymentTemplate", (string)template["$schema"]!);
        Assert.Single(Deployment.OfType("Microsoft.Resources/resourceGroups"));
    }

    [Fact]
    public void Azd_parameters_file_fills_every_required_parameter_and_names_no_unknown_one()
    {
        var parameters = InfraDeployment.CompileMainTemplate()["parameters"]!.AsObject();
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(InfraDeployment.InfraDirectory, "main.parameters.json")))!["parameters"]!.AsObject();

        var unknown = file.Select(p => p.Key).Where(k => !parameters.ContainsKey(k)).ToList();
        Assert.True(unknown.Count == 0, $"main.parameters.json names unknown parameters: {string.Join(", ", unknown)}");
        var unfilled = parameters.Where(p => p.Value!["defaultValue"] is null).Select(p => p.Key).Where(k => !file.ContainsKey(k)).ToList();
        Assert.True(unfilled.Count == 0, $"main.parameters.json leaves required parameters unset: {string.Join(", ", unfilled)}");

        // azure.yaml deploys the Functions project to the site the templates tag azd-service-name=api.
        var azureYaml = File.ReadAllText(Path.Combine(InfraDeployment.InfraDirectory, "..", "azure.yaml"));
        Assert.Contains("project: ./functions/Feeds.Functions", azureYaml);
        Assert.Contains("host: function", azureYaml);
        Assert.Contains("  api:", azureYaml);
    }

    [Fact]
    public void Storage_accounts_take_entra_tokens_only_over_https_and_expose_nothing_publicly()
    {
        var accounts = Deployment.OfType("Microsoft.Storage/storageAccounts").ToList();
        Assert.Equal(2, accounts.Count); // the host's and the data's
        foreach (var account in accounts.Select(Properties))
        {
            Assert.False((bool)account["allowSharedKeyAccess"]!);
            Assert.False((bool)account["allowBlobPublicAccess"]!);
            Assert.False((bool)account["allowCrossTenantReplication"]!);
            Assert.True((bool)account["supportsHttpsTrafficOnly"]!);
            Assert.True((bool)account["defaultToOAuthAuthentication"]!);
            Assert.Equal("TLS1_2", (string)account["minimumTlsVersion"]!);
        }

        var containers = Deployment.OfType("Microsoft.Storage/storageAccounts/blobServices/containers").ToList();
        Assert.All(containers, c => Assert.Equal("None", (string)Properties(c)["publicAccess"]!));
    }

    [Fact]
    public void The_run_queue_and_its_poison_queue_exist_and_the_app_reaches_them_with_its_identity()
    {
        var queues = Deployment.OfType("Microsoft.Storage/storageAccounts/queueServices/queues")
            .Select(q => ((string)q["name"]!).Split('/')[^1]).ToHashSet();
        var options = new Feeds.Core.Pipeline.FeedRunOptions();
        Assert.Equal(new HashSet<string> { options.QueueName, options.PoisonQueueName }, queues);

        var account = (string)Deployment.StorageAccount(host: false)["name"]!;
        Assert.All(Deployment.OfType("Microsoft.Storage/storageAccounts/queueServices/queues"), q => Assert.StartsWith(account + "/", (string)q["name"]!));
        Assert.Equal($"https://{account}.queue.core.windows.net", Deployment.AppSettings["FeedsStorage__queueServiceUri"]);
        Assert.Contains(RoleAssignmentPolicy.Expected(Deployment),
            g => g is { Principal: RoleAssignmentPolicy.App, RoleId: RoleAssignmentPolicy.StorageQueueDataContributor });
        Assert.Equal("974c5e8b-45b9-4653-ba55-5f855dd0fb88", RoleAssignmentPolicy.StorageQueueDataContributor);
    }

    [Fact]
    public void Feed_tables_and_snapshots_are_on_the_data_account_and_the_deployment_package_on_the_hosts()
    {
        var data = (string)Deployment.StorageAccount(host: false)["name"]!;
        var host = (string)Deployment.StorageAccount(host: true)["name"]!;
        var tables = Deployment.OfType("Microsoft.Storage/storageAccounts/tableServices/tables").Select(t => (string)t["name"]!).ToList();
        Assert.All(tables, t => Assert.StartsWith(data + "/", t));
        var names = tables.Select(t => t.Split('/')[^1]).ToHashSet();
        string[] parallelFeeds = ["TradeFlows", "Reserves", "Indicators"];
        var missing = FeedTables.AllNames.Concat(parallelFeeds).Where(t => !names.Contains(t)).ToList();
        Assert.True(missing.Count == 0, $"Tables missing from the templates: {string.Join(", ", missing)}");

        var containers = Deployment.OfType("Microsoft.Storage/storageAccounts/blobServices/containers").Select(c => (string)c["name"]!).ToList();
        Assert.Equal(new[] { $"{data}/default/snapshots", $"{host}/default/app-package" }.Order(StringComparer.Ordinal), containers.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Snapshots_keep_versions_and_a_change_feed_on_the_data_account_only()
    {
        BlobService(host: false, out var data);
        Assert.True((bool)data["isVersioningEnabled"]!);
        Assert.True((bool)data["changeFeed"]!["enabled"]!);
        Assert.Equal(365, (int)data["changeFeed"]!["retentionInDays"]!);
        Assert.True((bool)data["deleteRetentionPolicy"]!["enabled"]!);

        // The host rewrites its state blobs all day: versions there would keep every one.
        BlobService(host: true, out var host);
        Assert.Null(host["isVersioningEnabled"]);
        Assert.Null(host["changeFeed"]);
        Assert.True((bool)host["deleteRetentionPolicy"]!["enabled"]!);
    }

    private static void BlobService(bool host, out JsonObject properties)
    {
        var account = (string)Deployment.StorageAccount(host)["name"]!;
        properties = Properties(Deployment.OfType("Microsoft.Storage/storageAccounts/blobServices").Single(b => (string)b["name"]! == account + "/default"));
    }

    [Fact]
    public void Writes_and_deletes_of_blobs_and_tables_and_key_vault_audit_events_go_to_an_uncapped_audit_workspace()
    {
        var audit = Deployment.OfType("Microsoft.OperationalInsights/workspaces").Single(w => ((string)w["name"]!).StartsWith("log-audit-", StringComparison.Ordinal));
        Assert.Equal(-1, (int)Properties(audit)["workspaceCapping"]!["dailyQuotaGb"]!);
        Assert.Equal(365, (int)Properties(audit)["retentionInDays"]!);
        Assert.True((bool)Properties(audit)["features"]!["disableLocalAuth"]!);

        var data = (string)Deployment.StorageAccount(host: false)["id"]!;
        var vault = (string)Deployment.One("Microsoft.KeyVault/vaults")["id"]!;
        var settings = Deployment.OfType("Microsoft.Insights/diagnosticSettings")
            .ToDictionary(d => ((string)d["id"]!).Split("/providers/Microsoft.Insights/")[0], d => Properties(d));
        Assert.Equal(new[] { $"{data}/blobServices/default", $"{data}/tableServices/default", vault }.Order(StringComparer.Ordinal), settings.Keys.Order(StringComparer.Ordinal));
        Assert.All(settings.Values, d => Assert.Equal((string)audit["id"]!, (string)d["workspaceId"]!));

        foreach (var service in new[] { "blobServices", "tableServices" })
        {
            var logs = settings[$"{data}/{service}/default"]["logs"]!.AsArray();
            Assert.Equal(["StorageDelete", "StorageWrite"], logs.Where(l => (bool)l!["enabled"]!).Select(l => (string)l!["category"]!).Order());
        }

        var vaultLogs = Assert.Single(settings[vault]["logs"]!.AsArray())!;
        Assert.Equal("audit", (string)vaultLogs["categoryGroup"]!);
        Assert.True((bool)vaultLogs["enabled"]!);
    }

    [Fact]
    public void Lifecycle_rule_is_only_a_backstop_for_old_snapshot_run_folders()
    {
        var rules = Properties(Deployment.One("Microsoft.Storage/storageAccounts/managementPolicies"))["policy"]!["rules"]!.AsArray();
        var rule = rules.Single(r => (string)r!["name"]! == "snapshot-run-folders-backstop")!;
        var prefixes = rule["definition"]!["filters"]!["prefixMatch"]!.AsArray().Select(p => (string)p!).ToList();
        bool Matches(string blob) => prefixes.Any(p => blob.StartsWith(p, StringComparison.Ordinal));

        Assert.True(Matches("snapshots/2026-03-01/20260301T023000000Z-abc123/manifest.json"), "a run folder must match");
        Assert.False(Matches("snapshots/latest.json"), "latest.json must never match");
        Assert.False(Matches("app-package/feeds.zip"), "only the snapshots container");
        Assert.False(Matches("azure-webjobs-hosts/locks/x"), "never the host's blobs");

        // Far beyond the exporter's own pruning (30 nightly runs).
        var days = (int)rule["definition"]!["actions"]!["baseBlob"]!["delete"]!["daysAfterCreationGreaterThan"]!;
        Assert.InRange(days, 90, 3650);

        // Previous versions (replaced latest.json, pruned run folders) are kept as long, then removed.
        var versions = rules.Single(r => (string)r!["name"]! == "snapshot-versions")!["definition"]!;
        Assert.Equal(["snapshots/"], versions["filters"]!["prefixMatch"]!.AsArray().Select(p => (string)p!));
        Assert.Equal(days, (int)versions["actions"]!["version"]!["delete"]!["daysAfterCreationGreaterThan"]!);
        Assert.Null(versions["actions"]!["baseBlob"]);
    }

    [Fact]
    public void Function_app_runs_dotnet_isolated_10_on_flex_consumption_with_its_user_assigned_identity()
    {
        var plan = Deployment.One("Microsoft.Web/serverfarms");
        Assert.Equal("FC1", (string)plan["sku"]!["name"]!);
        Assert.Equal("FlexConsumption", (string)plan["sku"]!["tier"]!);

        var site = Deployment.One("Microsoft.Web/sites");
        var identityId = (string)Deployment.One("Microsoft.ManagedIdentity/userAssignedIdentities")["id"]!;
        var properties = Properties(site);
        Assert.Equal("functionapp,linux", (string)site["kind"]!);
        Assert.True((bool)properties["httpsOnly"]!);
        Assert.Equal("UserAssigned", (string)site["identity"]!["type"]!);
        Assert.Equal([identityId], site["identity"]!["userAssignedIdentities"]!.AsObject().Select(p => p.Key));
        Assert.Equal("api", (string)site["tags"]!["azd-service-name"]!);

        var config = properties["functionAppConfig"]!;
        Assert.Equal("dotnet-isolated", (string)config["runtime"]!["name"]!);
        Assert.Equal("10.0", (string)config["runtime"]!["version"]!);
        var deploymentStorage = config["deployment"]!["storage"]!;
        Assert.Equal("UserAssignedIdentity", (string)deploymentStorage["authentication"]!["type"]!);
        Assert.Equal(identityId, (string)deploymentStorage["authentication"]!["userAssignedIdentityResourceId"]!);
        Assert.Equal($"https://{Deployment.StorageAccount(host: true)["name"]}.blob.core.windows.net/app-package", ArmExpressions.Evaluate((string)deploymentStorage["value"]!));

        var siteConfig = properties["siteConfig"]!;
        Assert.Equal("1.2", (string)siteConfig["minTlsVersion"]!);
        Assert.Equal("Disabled", (string)siteConfig["ftpsState"]!);

        // Publishing passwords off: deployments use Entra ID.
        var publishing = Deployment.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();
        Assert.Equal(["ftp", "scm"], publishing.Select(p => ((string)p["name"]!).Split('/')[^1]).Order());
        Assert.All(publishing, p => Assert.False((bool)Properties(p)["allow"]!));
    }

    [Fact]
    public void Cors_allows_the_dashboard_origin_only()
    {
        var cors = Properties(Deployment.One("Microsoft.Web/sites"))["siteConfig"]!["cors"]!;
        Assert.False((bool)cors["supportCredentials"]!);

        // The dashboard's Static Web App origin is known only at deployment, so the list stays an expression: exactly
        // the operator-given origin and https://{the static site's default host name}, no wildcard.
        var dashboard = Deployment.One("Microsoft.Web/staticSites");
        Assert.Equal("Free", (string)dashboard["sku"]!["name"]!);
        Assert.Equal("dashboard", (string)dashboard["tags"]!["azd-service-name"]!);
        var origins = (string)cors["allowedOrigins"]!;
        var expected = $"[filter(createArray('{InfraDeployment.DashboardOrigin}', coalesce(format('https://{{0}}', reference('{(string)dashboard["id"]!}', " +
                       $"'{(string)dashboard["apiVersion"]!}').defaultHostname), '')), lambda('origin', not(empty(lambdaVariables('origin')))))]";
        Assert.Equal(expected, origins);
        Assert.DoesNotContain("*", origins);
    }

    [Fact]
    public void Comtrade_key_is_a_key_vault_reference_resolved_by_the_app_identity()
    {
        var vault = Deployment.One("Microsoft.KeyVault/vaults");
        Assert.True((bool)Properties(vault)["enableRbacAuthorization"]!);
        Assert.Null(Properties(vault)["accessPolicies"]);

        var reference = Deployment.AppSettings["Feeds__Comtrade__SubscriptionKey"];
        Assert.Equal($"@Microsoft.KeyVault(SecretUri=https://{vault["name"]}.vault.azure.net/secrets/comtrade-subscription-key)", reference);

        var identityId = (string)Deployment.One("Microsoft.ManagedIdentity/userAssignedIdentities")["id"]!;
        Assert.Equal(identityId, (string)Properties(Deployment.One("Microsoft.Web/sites"))["keyVaultReferenceIdentity"]!);

        // The secret is written only when a key is passed, so a redeploy never blanks a key set by hand.
        var secret = Deployment.One("Microsoft.KeyVault/vaults/secrets");
        Assert.Equal("[not(empty(parameters('comtradeSubscriptionKey')))]", (string)secret["condition"]!);
    }

    [Fact]
    public void Host_feeds_and_telemetry_connect_with_the_identity_and_no_key()
    {
        var settings = Deployment.AppSettings;
        var clientIdExpression = (string)Deployment.One("Microsoft.Web/sites/config")["properties"]!["FeedsStorage__clientId"]!;
        Assert.EndsWith(".clientId]", clientIdExpression);

        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Equal("managedidentity", settings["FeedsStorage__credential"]);
        Assert.Equal(clientIdExpression, settings["AzureWebJobsStorage__clientId"]);
        // The feeds use the data account; the Functions host its own.
        var data = (string)Deployment.StorageAccount(host: false)["name"]!;
        var host = (string)Deployment.StorageAccount(host: true)["name"]!;
        Assert.Equal($"https://{data}.table.core.windows.net", settings["FeedsStorage__tableServiceUri"]);
        Assert.Equal($"https://{data}.blob.core.windows.net", settings["FeedsStorage__blobServiceUri"]);
        Assert.Equal($"https://{host}.blob.core.windows.net", settings["AzureWebJobsStorage__blobServiceUri"]);
        Assert.Equal($"https://{host}.table.core.windows.net", settings["AzureWebJobsStorage__tableServiceUri"]);

        Assert.Matches(@"^\[format\('ClientId=\{0\};Authorization=AAD', reference\(.+\.clientId\)\]$", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
        var insights = Properties(Deployment.One("Microsoft.Insights/components"));
        Assert.True((bool)insights["DisableLocalAuth"]!);
        var telemetry = Deployment.OfType("Microsoft.OperationalInsights/workspaces").Single(w => !((string)w["name"]!).Contains("audit", StringComparison.Ordinal));
        Assert.Equal((string)telemetry["id"]!, (string)insights["WorkspaceResourceId"]!);

        // Flex Consumption takes the runtime from functionAppConfig and rejects these settings.
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", settings.Keys);
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", settings.Keys);
        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
    }

    [Fact]
    public void No_key_secret_or_connection_string_is_read_or_published()
    {
        var compiled = InfraDeployment.CompileMainTemplate().ToJsonString();
        Assert.DoesNotContain("listKeys", compiled, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("listAccountSas", compiled, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AccountKey=", compiled, StringComparison.Ordinal);
        Assert.All(Deployment.AppSettings.Values, v => Assert.DoesNotContain("AccountKey=", v, StringComparison.Ordinal));

        var outputs = InfraDeployment.CompileMainTemplate()["outputs"]!.AsObject();
        Assert.All(outputs, o => Assert.DoesNotContain("comtradeSubscriptionKey", o.Value!.ToJsonString(), StringComparison.Ordinal));
        string[] needed = ["API_BASE_URL", "STORAGE_TABLE_ENDPOINT", "STORAGE_BLOB_ENDPOINT", "SNAPSHOTS_CONTAINER_URL", "AZURE_FUNCTION_APP_NAME"];
        Assert.All(needed, n => Assert.True(outputs.ContainsKey(n), $"Output {n} is missing."));
    }

    [Fact]
    public void Alerts_cover_failed_runs_stale_feeds_and_the_http_5xx_rate()
    {
        var actionGroup = (string)Deployment.One("Microsoft.Insights/actionGroups")["id"]!;
        var insights = (string)Deployment.One("Microsoft.Insights/components")["id"]!;
        var rules = Deployment.OfType("Microsoft.Insights/scheduledQueryRules")
            .ToDictionary(r => ((string)r["name"]!).Split("-feeds-")[^1].Split('-', 2)[1], r => Properties(r));

        Assert.All(rules.Where(r => !r.Key.StartsWith("daily-cap", StringComparison.Ordinal)).Select(r => r.Value), rule =>
        {
            Assert.Equal([insights], rule["scopes"]!.AsArray().Select(s => (string)s!));
        });
        Assert.All(rules.Values, rule =>
        {
            Assert.Equal([actionGroup], rule["actions"]!["actionGroups"]!.AsArray().Select(s => (string)s!));
            Assert.True((bool)rule["enabled"]!);
        });

        var failed = (string)rules["feed-failed"]["criteria"]!["allOf"]![0]!["query"]!;
        Assert.Contains("customDimensions.RunId", failed);
        Assert.Contains("severityLevel >= 3", failed);
        Assert.Contains("success == false and name endswith \"Timer\"", failed);

        var stale = rules["feed-stale-catalog"];
        Assert.Equal("P2D", (string)stale["windowSize"]!);
        Assert.Contains("customDimensions.Feed) == \"catalog\"", (string)stale["criteria"]!["allOf"]![0]!["query"]!);
        Assert.Equal("LessThan", (string)stale["criteria"]!["allOf"]![0]!["operator"]!);

        var freshness = rules["feed-stale-freshness"];
        Assert.Contains("customDimensions.Freshness) == \"Stale\"", (string)freshness["criteria"]!["allOf"]![0]!["query"]!);
        Assert.Equal("GreaterThan", (string)freshness["criteria"]!["allOf"]![0]!["operator"]!);

        var http = rules["http-5xx"]["criteria"]!["allOf"]![0]!;
        Assert.Contains("resultCode) >= 500", (string)http["query"]!);
        Assert.Contains("sum(itemCount)", (string)http["query"]!); // requests are sampled: count what they stand for
        Assert.Equal("FailedPercent", (string)http["metricMeasureColumn"]!);
    }

    [Fact]
    public void Monitoring_cannot_be_blinded_quietly_the_cap_alerts_and_the_edge_metrics_do_not_depend_on_telemetry()
    {
        var actionGroup = (string)Deployment.One("Microsoft.Insights/actionGroups")["id"]!;
        var telemetry = Deployment.OfType("Microsoft.OperationalInsights/workspaces").Single(w => !((string)w["name"]!).Contains("audit", StringComparison.Ordinal));
        Assert.Equal(1, (int)Properties(telemetry)["workspaceCapping"]!["dailyQuotaGb"]!);
        var rules = Deployment.OfType("Microsoft.Insights/scheduledQueryRules").ToDictionary(r => ((string)r["name"]!).Split("-feeds-")[^1].Split('-', 2)[1], r => Properties(r));

        // At the cap ingestion stops: an alert on the workspace's own Operation records, and one at 80 % before it.
        var reached = rules["daily-cap-reached"];
        Assert.Equal([(string)telemetry["id"]!], reached["scopes"]!.AsArray().Select(s => (string)s!));
        Assert.Contains("OverQuota", (string)reached["criteria"]!["allOf"]![0]!["query"]!);
        Assert.Equal(1, (int)reached["severity"]!);
        var near = rules["daily-cap-near"]["criteria"]!["allOf"]![0]!;
        Assert.Contains("Usage", (string)near["query"]!);
        Assert.Equal(80, (int)near["threshold"]!);

        // Front Door's platform metrics: no sampling, no cap.
        var metricAlerts = Deployment.OfType("Microsoft.Insights/metricAlerts").Select(Properties).ToList();
        var profile = (string)Deployment.One("Microsoft.Cdn/profiles")["id"]!;
        Assert.Equal(2, metricAlerts.Count);
        Assert.All(metricAlerts, a =>
        {
            Assert.Equal([profile], a["scopes"]!.AsArray().Select(s => (string)s!));
            Assert.Equal(actionGroup, (string)a["actions"]![0]!["actionGroupId"]!);
        });
        Assert.Equal(["Percentage5XX", "WebApplicationFirewallRequestCount"],
            metricAlerts.Select(a => (string)a["criteria"]!["allOf"]![0]!["metricName"]!).Order());

        // A small deployment (no edge, no cap) has neither.
        Assert.Empty(InfraDeployment.Small.OfType("Microsoft.Insights/metricAlerts"));
        Assert.DoesNotContain(InfraDeployment.Small.OfType("Microsoft.Insights/scheduledQueryRules"), r => ((string)r["name"]!).Contains("daily-cap", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cost_budget_alerts_the_action_group_at_80_and_100_percent_spent_and_100_forecast()
    {
        var budget = Deployment.One("Microsoft.Consumption/budgets");
        var properties = Properties(budget);
        Assert.Equal(100, (int)properties["amount"]!);
        Assert.Equal("Monthly", (string)properties["timeGrain"]!);
        Assert.Equal(InfraDeployment.BudgetStartDate, (string)properties["timePeriod"]!["startDate"]!);
        var actionGroup = (string)Deployment.One("Microsoft.Insights/actionGroups")["id"]!;
        var notifications = properties["notifications"]!.AsObject().Select(n => n.Value!).ToList();
        Assert.Equal(["Actual 100", "Actual 80", "Forecasted 100"],
            notifications.Select(n => $"{(string)n["thresholdType"]!} {(int)n["threshold"]!}").Order(StringComparer.Ordinal));
        Assert.All(notifications, n => Assert.Equal([actionGroup], n["contactGroups"]!.AsArray().Select(g => (string)g!)));

        Assert.Empty(InfraDeployment.Small.OfType("Microsoft.Consumption/budgets"));
    }
}
