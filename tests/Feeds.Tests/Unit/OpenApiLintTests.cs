using System.Text.RegularExpressions;
using Feeds.Local;
using Feeds.Tests.Support;

namespace Feeds.Tests.Unit;

/// <summary>
/// The OpenAPI document passes Redocly's <c>recommended</c> ruleset with no error and no warning, linted by the CLI
/// pinned in package.json: what a strict client's tooling would flag fails here. In the Azurite collection because the
/// fixture's <c>npm ci</c> (on a fresh clone) installs the CLI with Azurite.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class OpenApiLintTests
{
    [Fact]
    public async Task The_document_passes_redocly_recommended_with_no_finding()
    {
        var root = RepositoryRoot.Find();
        var cli = Path.Combine(root, "node_modules", "@redocly", "cli", "bin", "cli.js");
        Assert.True(File.Exists(cli), $"Redocly CLI not installed at {cli}: run npm ci at the repository root.");
        var document = Path.Combine(root, "functions", "Feeds.Core", "Operations", "openapi.json");

        var result = await ProcessRunner.RunAsync("node", [cli, "lint", document, "--extends", "recommended", "--format", "summary"],
            root, TimeSpan.FromMinutes(2), CancellationToken.None, environment: new Dictionary<string, string?> { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true" });

        Assert.True(result.ExitCode == 0, result.Output);
        // The summary lists each rule with findings as "error   rule-name: N" or "warning   rule-name: N".
        var findings = Regex.Matches(result.Output, @"^\s*(error|warning)\s+[a-z0-9-]+:\s*\d+", RegexOptions.Multiline, TimeSpan.FromSeconds(1));
        Assert.True(findings.Count == 0, result.Output);
        Assert.Contains("Your API description is valid", result.Output, StringComparison.Ordinal);
    }
}
