using System.Text;
using Feeds.Core.Catalog;
using Feeds.Core.Reserves;
using Feeds.Core.Storage;
using Feeds.Local;

namespace Feeds.Tests.Support;

/// <summary>The repository's bundled USGS files (data/usgs), in the forms USGS and the mirror publish them.</summary>
public static class UsgsFiles
{
    public static string Root => Path.Combine(RepositoryRoot.Find(), "data", "usgs");

    public static CatalogData Catalog { get; } = CatalogLoader.Load(new EmbeddedCatalogFiles());

    public static UsgsParser Parser { get; } = new(Catalog);

    /// <summary>Every file under data/usgs, as '/'-separated paths relative to it.</summary>
    public static IEnumerable<string> All() =>
        Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Root, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    public static byte[] Bytes(string file) => File.ReadAllBytes(Path.Combine(Root, file));

    public static UsgsParseResult Parse(string file, Func<byte[], byte[]>? form = null)
    {
        var bytes = Bytes(file);
        return Parser.Parse(Path.GetFileName(file), form is null ? bytes : form(bytes));
    }

    /// <summary>LF line ends, no BOM (as the mirror returned the files).</summary>
    public static byte[] Lf(byte[] bytes)
    {
        var body = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes;
        return [.. body.Where(b => b != (byte)'\r')];
    }

    /// <summary>CRLF line ends and, for UTF-8 text, a BOM (as USGS publishes them).</summary>
    public static byte[] CrlfBom(byte[] bytes)
    {
        var lf = Lf(bytes);
        var crlf = new List<byte>(lf.Length + 1024);
        foreach (var b in lf)
        {
            if (b == (byte)'\n')
            {
                crlf.Add((byte)'\r');
            }

            crlf.Add(b);
        }

        return IsUtf8(lf) ? [0xEF, 0xBB, 0xBF, .. crlf] : [.. crlf];
    }

    public static bool IsUtf8(byte[] bytes)
    {
        try
        {
            _ = new UTF8Encoding(false, true).GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>Parses text written in a test (the documented form of a quirk) as a file of this name.</summary>
    public static UsgsParseResult ParseText(string fileName, string text) => Parser.Parse(fileName, Encoding.UTF8.GetBytes(text));

    public static SalientRow Salient(UsgsParseResult result, string mineral, string statistic, int year, string? partnerIso3 = null, string? product = null) =>
        Assert.Single(result.Salient, s => s.MineralId == mineral && s.Statistic == statistic && s.Year == year && s.PartnerIso3 == partnerIso3
            && (product is null || s.Product == product));

    public static ReservesRow Row(UsgsParseResult result, string measure, string countryKey, int year, string product = "main", string? mineral = null) =>
        Assert.Single(result.Rows, r => r.Measure == measure && r.Country.Key == countryKey && r.Year == year && r.Product == product
            && (mineral is null || r.MineralId == mineral));
}
