namespace Feeds.Core.Storage;

/// <summary>The two kinds of <see cref="SalientRow"/> and the statistic slugs other slices read.</summary>
public static class SalientKinds
{
    public const string Statistic = "statistic";
    public const string ImportSource = "import-source";

    public const string NetImportReliance = "net-import-reliance";
    public const string ImportShare = "import-share";
    public const string ImportRank = "import-rank";
}
