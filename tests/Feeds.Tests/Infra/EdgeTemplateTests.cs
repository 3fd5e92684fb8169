using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Feeds.Local;

namespace Feeds.Tests.Infra;

/// <summary>
/// The edge as the templates deploy it (evaluated offline): Front Door with a WAF policy whose rate-limit rules count
/// each client, a route that caches on the documented query parameters only, cache bypass for keyed requests, and a
/// Function App that accepts this profile's traffic only. With <c>deployFrontDoor=false</c>, none of it.
/// </summary>
public sealed class EdgeTemplateTests
{
    private static InfraDeployment Deployment => InfraDeployment.Default;

    private static JsonObject Properties(JsonObject resource) => resource["properties"]!.AsObject();

    private static JsonObject Rule(string name) => Properties(Deployment.OfType("Microsoft.Network/FrontDoorWebApplicationFirewallPolicies").Single())
        ["customRules"]!["rules"]!.AsArray().Single(r => (string)r!["name"]! == name)!.AsObject();

    [Fact]
    public void Front_door_and_its_waf_rate_limit_every_client_on_the_api_and_harder_on_the_keyed_routes()
    {
        var profile = Deployment.One("Microsoft.Cdn/profiles");
        Assert.Equal("Standard_AzureFrontDoor", (string)profile["sku"]!["name"]!);
        var waf = Deployment.One("Microsoft.Network/FrontDoorWebApplicationFirewallPolicies");
        Assert.Equal("Standard_AzureFrontDoor", (string)waf["sku"]!["name"]!);
        var settings = Properties(waf)["policySettings"]!;
        Assert.Equal("Enabled", (string)settings["enabledState"]!);
        Assert.Equal("Prevention", (string)settings["mode"]!);
        Assert.Equal(429, (int)settings["customBlockResponseStatusCode"]!);
        // The WAF's own 429 is the problem the API document declares for every route.
        var body = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String((string)settings["customBlockResponseBody"]!))).RootElement;
        Assert.Equal(429, body.GetProperty("status").GetInt32());
        var contract = Feeds.Tests.Support.OpenApiContract.Document;
        Assert.Empty(Feeds.Tests.Support.OpenApiContract.Validate(contract.Schema(contract.Response("/trade", "get", 429)!, "application/problem+json")!, body));

        // Counted per TCP peer address (a client cannot forge it as it can X-Forwarded-For), per minute.
        foreach (var (name, threshold) in new[] { ("ApiPerClient", 600), ("KeyedRoutesPerClient", 30) })
        {
            var rule = Rule(name);
            Assert.Equal("RateLimitRule", (string)rule["ruleType"]!);
            Assert.Equal("Block", (string)rule["action"]!);
            Assert.Equal("Enabled", (string)rule["enabledState"]!);
            Assert.Equal(1, (int)rule["rateLimitDurationInMinutes"]!);
            Assert.Equal(threshold, (int)rule["rateLimitThreshold"]!);
            Assert.Equal(["SocketAddr"], rule["groupBy"]!.AsArray().Select(g => (string)g!["variableName"]!));
        }

        var api = Rule("ApiPerClient")["matchConditions"]![0]!;
        Assert.Equal(("RequestUri", "Contains", "/api/"), ((string)api["matchVariable"]!, (string)api["operator"]!, (string)api["matchValue"]![0]!));

        var keyed = Rule("KeyedRoutesPerClient")["matchConditions"]![0]!;
        Assert.Equal("RegEx", (string)keyed["operator"]!);
        var pattern = new Regex((string)keyed["matchValue"]![0]!);
        Assert.All(["https://x/api/snapshots/latest/links", "/api/feeds/comtrade/quarantine?runId=1", "/api/feeds/usgs/runs"], uri => Assert.Matches(pattern, uri));
        Assert.All(["/api/feeds", "/api/snapshots/latest", "/api/trade?reporter=IND"], uri => Assert.DoesNotMatch(pattern, uri));
        Assert.True((int)Rule("KeyedRoutesPerClient")["priority"]! < (int)Rule("ApiPerClient")["priority"]!);

        // The policy covers the endpoint, every path.
        var association = Properties(Deployment.One("Microsoft.Cdn/profiles/securityPolicies"))["parameters"]!;
        Assert.Equal((string)waf["id"]!, (string)association["wafPolicy"]!["id"]!);
        Assert.Equal((string)Deployment.One("Microsoft.Cdn/profiles/afdEndpoints")["id"]!, (string)association["associations"]![0]!["domains"]![0]!["id"]!);
        Assert.Equal(["/*"], association["associations"]![0]!["patternsToMatch"]!.AsArray().Select(p => (string)p!));
    }

    [Fact]
    public void The_route_serves_the_api_over_https_only_and_caches_on_the_documented_query_parameters_only()
    {
        var route = Properties(Deployment.One("Microsoft.Cdn/profiles/afdEndpoints/routes"));
        Assert.Equal(["/api/*"], route["patternsToMatch"]!.AsArray().Select(p => (string)p!));
        Assert.Equal(["Https"], route["supportedProtocols"]!.AsArray().Select(p => (string)p!));
        Assert.Equal("HttpsOnly", (string)route["forwardingProtocol"]!);

        // Cache key: the path and the parameters the OpenAPI document declares, so `_=random` (or any unknown name,
        // which the app rejects anyway) never makes a new entry; the function key never is part of a key.
        var cache = route["cacheConfiguration"]!;
        Assert.Equal("IncludeSpecifiedQueryStrings", (string)cache["queryStringCachingBehavior"]!);
        var keyed = ((string)cache["queryParameters"]!).Split(',');
        Assert.Equal(OpenApiQueryParameters().Order(StringComparer.Ordinal), keyed.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(keyed, p => p.StartsWith('_'));
        Assert.DoesNotContain("code", keyed);

        // The only origin is the Function App, by its own host name, certificate checked.
        var origin = Properties(Deployment.One("Microsoft.Cdn/profiles/originGroups/origins"));
        var site = Deployment.One("Microsoft.Web/sites");
        Assert.Equal($"[reference('{site["id"]}', '{site["apiVersion"]}').defaultHostName]", (string)origin["hostName"]!);
        Assert.Equal((string)origin["hostName"]!, (string)origin["originHostHeader"]!);
        Assert.True((bool)origin["enforceCertificateNameCheck"]!);
    }

    /// <summary>Every query parameter the API document declares (inline or shared), but the function key.</summary>
    private static IEnumerable<string> OpenApiQueryParameters()
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "functions", "Feeds.Core", "Operations", "openapi.json")))!;
        var shared = document["components"]!["parameters"]!.AsObject();
        return document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Where(op => op.Value is JsonObject).SelectMany(op => op.Value!["parameters"]?.AsArray() ?? []))
            .Select(p => p!["$ref"] is { } reference ? shared[((string)reference!).Split('/')[^1]]! : p!)
            .Where(p => (string)p["in"]! == "query")
            .Select(p => (string)p["name"]!)
            .Where(name => name != "code")
            .Distinct(StringComparer.Ordinal);
    }

    [Fact]
    public void Keyed_requests_and_csv_by_accept_bypass_the_cache_and_the_dashboard_origin_gets_its_cors_header()
    {
        var rules = Deployment.OfType("Microsoft.Cdn/profiles/ruleSets/rules").ToDictionary(r => ((string)r["name"]!).Split('/')[^1], Properties);
        Assert.Equal((string)Deployment.One("Microsoft.Cdn/profiles/ruleSets")["id"]!,
            (string)Properties(Deployment.One("Microsoft.Cdn/profiles/afdEndpoints/routes"))["ruleSets"]![0]!["id"]!);

        (string Name, string Selector, string Operator, string Values) Condition(string rule)
        {
            var c = Assert.Single(rules[rule]["conditions"]!.AsArray())!;
            return ((string)c["name"]!, (string?)c["parameters"]!["selector"] ?? "", (string)c["parameters"]!["operator"]!,
                string.Join('|', c["parameters"]!["matchValues"]!.AsArray().Select(v => (string)v!)));
        }

        void NotCached(string rule)
        {
            var action = Assert.Single(rules[rule]["actions"]!.AsArray())!;
            Assert.Equal("RouteConfigurationOverride", (string)action["name"]!);
            Assert.Null(action["parameters"]!["cacheConfiguration"]); // no cache configuration: caching off
        }

        // Keyed routes bypass the cache whoever asks (Front Door may share an in-flight answer between concurrent requests).
        Assert.Equal(("UrlPath", "", "Contains", "snapshots/latest/links|/quarantine|/runs"), Condition("KeyedRoutesNoCache"));
        NotCached("KeyedRoutesNoCache");
        Assert.Equal(("RequestHeader", "x-functions-key", "Any", ""), Condition("KeyHeaderNoCache"));
        NotCached("KeyHeaderNoCache");
        Assert.Equal(("QueryString", "", "Contains", "code="), Condition("KeyQueryNoCache"));
        NotCached("KeyQueryNoCache");
        Assert.Equal(("RequestHeader", "Accept", "Contains", "text/csv"), Condition("CsvByAcceptNoCache"));
        NotCached("CsvByAcceptNoCache");

        // A cached answer filled by a request without Origin still serves the dashboard: the edge sets the header.
        Assert.Equal(("RequestHeader", "Origin", "Equal", InfraDeployment.DashboardOrigin), Condition("DashboardOrigin"));
        var cors = Assert.Single(rules["DashboardOrigin"]["actions"]!.AsArray())!["parameters"]!;
        Assert.Equal(("Overwrite", "Access-Control-Allow-Origin", InfraDeployment.DashboardOrigin),
            ((string)cors["headerAction"]!, (string)cors["headerName"]!, (string)cors["value"]!));
        Assert.Contains("defaultHostname", (string)rules["StaticSiteOrigin"]["conditions"]![0]!["parameters"]!["matchValues"]![0]!);
    }

    [Fact]
    public void The_function_app_accepts_traffic_from_this_front_door_profile_only_and_counts_clients_by_its_header()
    {
        var siteConfig = Properties(Deployment.One("Microsoft.Web/sites"))["siteConfig"]!;
        var profile = Deployment.One("Microsoft.Cdn/profiles");
        var frontDoorId = $"reference('{profile["id"]}', '{profile["apiVersion"]}').frontDoorId";

        Assert.Equal("Deny", (string)siteConfig["ipSecurityRestrictionsDefaultAction"]!);
        var allow = Assert.Single(siteConfig["ipSecurityRestrictions"]!.AsArray())!;
        Assert.Equal(("Allow", "ServiceTag", "AzureFrontDoor.Backend"), ((string)allow["action"]!, (string)allow["tag"]!, (string)allow["ipAddress"]!));
        Assert.Contains(frontDoorId, (string)Assert.Single(allow["headers"]!["x-azure-fdid"]!.AsArray())!);

        Assert.Contains(frontDoorId, Deployment.AppSettings["Feeds__RateLimit__FrontDoorId"]);

        // The public API address is Front Door's endpoint.
        var outputs = InfraDeployment.CompileMainTemplate()["outputs"]!;
        Assert.Contains("hostName", (string)outputs["API_BASE_URL"]!["value"]!);
        Assert.Contains("edge", (string)outputs["API_BASE_URL"]!["value"]!);
    }

    [Fact]
    public void A_small_deployment_without_the_edge_has_no_front_door_and_an_open_function_app()
    {
        var small = InfraDeployment.Small;
        Assert.DoesNotContain(small.Resources, r => ((string)r["type"]!).StartsWith("Microsoft.Cdn/", StringComparison.Ordinal));
        Assert.Empty(small.OfType("Microsoft.Network/FrontDoorWebApplicationFirewallPolicies"));

        var siteConfig = Properties(small.One("Microsoft.Web/sites"))["siteConfig"]!;
        Assert.Equal("Allow", (string)siteConfig["ipSecurityRestrictionsDefaultAction"]!);
        Assert.Empty(siteConfig["ipSecurityRestrictions"]!.AsArray());
        // The in-app limiter counts by the platform's X-Forwarded-For hop then.
        Assert.Equal("", small.AppSettings["Feeds__RateLimit__FrontDoorId"]);
    }
}
