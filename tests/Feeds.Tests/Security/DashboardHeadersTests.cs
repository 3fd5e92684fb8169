using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Feeds.Core.Http;
using Feeds.Local;

namespace Feeds.Tests.Security;

/// <summary>
/// The dashboard gets the same headers from the Static Web App as from the local host, and its sources need nothing the
/// content security policy forbids (no inline script or event handler).
/// </summary>
public sealed partial class DashboardHeadersTests
{
    private static Dictionary<string, string> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ', 2)[0], d => d.Split(' ', 2).ElementAtOrDefault(1) ?? "");

    [Fact]
    public void Static_web_app_serves_the_local_hosts_policy_and_headers_with_the_api_origin_allowed()
    {
        var path = Path.Combine(RepositoryRoot.Find(), "dashboard", "public", "staticwebapp.config.json");
        var headers = JsonNode.Parse(File.ReadAllText(path))!["globalHeaders"]!.AsObject()
            .ToDictionary(h => h.Key, h => (string)h.Value!);

        foreach (var (name, value) in SecurityHeaders.Common)
        {
            Assert.Equal(value, headers[name]);
        }

        var served = Directives(headers["Content-Security-Policy"]);
        var local = Directives(SecurityHeaders.DashboardPolicy);
        // The page calls the API on its own origin (the Function App or Front Door), over https only.
        Assert.Equal("'self' https:", served["connect-src"]);
        served.Remove("connect-src");
        local.Remove("connect-src");
        Assert.Equal(local.OrderBy(d => d.Key), served.OrderBy(d => d.Key));
        Assert.StartsWith("max-age=", headers["Strict-Transport-Security"], StringComparison.Ordinal);
    }

    [Fact]
    public void Dashboard_sources_have_no_inline_script_the_policy_would_block()
    {
        var dashboard = Path.Combine(RepositoryRoot.Find(), "dashboard");
        var files = Directory.EnumerateFiles(Path.Combine(dashboard, "src"), "*.ts").Append(Path.Combine(dashboard, "index.html"));
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            Assert.False(InlineHandler().IsMatch(text), $"{file} has an inline event handler");
            Assert.False(text.Contains("javascript:", StringComparison.OrdinalIgnoreCase), $"{file} has a javascript: URL");
        }

        var html = File.ReadAllText(Path.Combine(dashboard, "index.html"));
        Assert.DoesNotMatch(@"<script(?![^>]*\bsrc=)[^>]*>", html);
    }

    [GeneratedRegex(@"\son[a-z]+\s*=\s*[""']", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();
}
