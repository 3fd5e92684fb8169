using System.Text;
using Feeds.Core.Reserves;
using Feeds.Core.Storage;
using Feeds.Tests.Support;

namespace Feeds.Tests.Unit;

/// <summary>
/// Property test: the real files, mutated at random (stray quotes, commas, line breaks, BOMs, bytes that are not
/// UTF-8, deleted and duplicated lines, truncation), never make the parser throw, every record read ends in exactly
/// one outcome, and every stored key is a valid table key. Seeded, so a failure names a reproducible case.
/// </summary>
public sealed class UsgsFuzzTests
{
    private static readonly string[] Tokens =
        [",", "\"", "\"\"", "\r", "\n", "\r\n", "\u00a0", ">", "<", "W", "NA", "e", "7", ",,,,", "\uFEFF", "\u201c", "½", "\0", "/", "#", "?", "—", "1,2", "Japane", "World total",
         "e20,000", "?1", "10 - 15", "2021–24", "W for 23-24", "Yes", "Large", "(rounded)", " -- Estimated.", "Other", "E", "Unobtainium"];

    [Fact]
    public void Mutated_files_never_throw_and_their_outcome_counts_add_up()
    {
        var files = UsgsFiles.All().Where(f => f.EndsWith(".csv", StringComparison.Ordinal)).Select(f => (Name: Path.GetFileName(f), Bytes: UsgsFiles.Bytes(f))).ToList();
        long rows = 0, quarantined = 0;
        for (var seed = 0; seed < 1500; seed++)
        {
            var random = new Random(seed);
            var (name, original) = files[random.Next(files.Count)];
            var mutated = seed % 50 == 49 ? RandomBytes(random) : Mutate(original, random);

            UsgsParseResult? result = null;
            var error = Record.Exception(() => result = UsgsFiles.Parser.Parse(name, mutated));

            Assert.True(error is null, $"seed {seed} ({name}): {error}");
            Assert.True(result!.AddsUp, $"seed {seed} ({name}): read {result.Read}, rows {result.Rows.Count}, salient {result.Salient.Count}, quarantined {result.Quarantined.Count}, out of scope {result.OutOfScope}, superseded {result.Superseded}");
            Assert.All(result.Quarantined, q => Assert.False(string.IsNullOrWhiteSpace(q.Reason)));
            Assert.All(result.Rows, r => Assert.True(
                TableKeys.IsValid(r.MineralId) && TableKeys.IsValid($"{r.Edition}-{r.Measure}-{r.Product}-{r.Year:D4}-{r.Country.Key}"), $"seed {seed}: bad key"));
            Assert.All(result.Salient, r => Assert.True(TableKeys.IsValid(r.MineralId) && TableKeys.IsValid(SalientEntities.RowKey(r)), $"seed {seed}: bad salient key"));
            rows += result.Rows.Count + result.Salient.Count;
            quarantined += result.Quarantined.Count;
        }

        // The mutations must actually hit: both outcomes occur many times.
        Assert.True(rows > 10_000, $"rows {rows}");
        Assert.True(quarantined > 500, $"quarantined {quarantined}");
    }

    /// <summary>The MCS 2025 and 2026 layouts, the salient files, Fig2 and T5, each mutated many times (the 2026 file cut to its first 400 lines for speed).</summary>
    [Fact]
    public void Mutated_files_of_the_new_layouts_never_throw_and_their_counts_add_up()
    {
        string[] names =
        [
            "mcs2026/MCS2026_Commodities_Data.excerpt.csv", "mcs2025/world/MCS2025_World_Data.excerpt.csv", "mcs2025/salient/mcs2025-nicke_salient.csv",
            "mcs2025/trends/MCS2025_Fig2_Net_Import_Reliance.csv", "excerpts/MCS2024_T5_Critical_Minerals_Salient.excerpt.csv", "mcs2025/trends/MCS2025_T3_State_Value_Rank.csv",
        ];
        var files = names.Select(f => (Name: Path.GetFileName(f), Bytes: FirstLines(UsgsFiles.Bytes(f), 400))).ToList();
        long stored = 0, outOfScope = 0, quarantined = 0;
        for (var seed = 0; seed < 600; seed++)
        {
            var random = new Random(10_000 + seed);
            var (name, original) = files[seed % files.Count];
            var mutated = Mutate(original, random);

            UsgsParseResult? result = null;
            var error = Record.Exception(() => result = UsgsFiles.Parser.Parse(name, mutated));

            Assert.True(error is null, $"seed {10_000 + seed} ({name}): {error}");
            Assert.True(result!.AddsUp, $"seed {10_000 + seed} ({name}): read {result.Read}, rows {result.Rows.Count}, salient {result.Salient.Count}, quarantined {result.Quarantined.Count}, out of scope {result.OutOfScope}, superseded {result.Superseded}");
            Assert.All(result.Salient, r => Assert.True(TableKeys.IsValid(SalientEntities.RowKey(r))));
            Assert.All(result.Rows, r => Assert.True(TableKeys.IsValid(ReservesEntities.RowKey(r))));
            stored += result.Rows.Count + result.Salient.Count;
            outOfScope += result.OutOfScope;
            quarantined += result.Quarantined.Count;
        }

        Assert.True(stored > 10_000, $"stored {stored}");
        Assert.True(outOfScope > 1_000, $"out of scope {outOfScope}");
        Assert.True(quarantined > 100, $"quarantined {quarantined}");
    }

    private static byte[] FirstLines(byte[] bytes, int lines)
    {
        var end = 0;
        for (var n = 0; n < lines && end < bytes.Length; n++)
        {
            var next = Array.IndexOf(bytes, (byte)'\n', end);
            end = next < 0 ? bytes.Length : next + 1;
        }

        return bytes[..end];
    }

    [Fact]
    public void Malformed_lines_alone_are_quarantined_not_thrown()
    {
        string[] lines =
        [
            "\"", "\"\"\"", ",,,,,,,,", "MCS2024,\"China", "MCS2024,China,\"Mine production\"x,1,2,,3,", "MCS2024,China,Mine production,1,2,,3,,,,,,,,,,,extra",
            "MCS2024,China", "\u0000\u0001\u0002", "MCS2024,China,Mine production,>,<,,>>5,", "MCS2024,China,Mine production,1e5,0x10,,∞,",
        ];
        const string header = "Source,Country,Type,Prod_t_2022,Prod_t_est_2023,Prod_notes,Reserves_t,Reserves_notes\n";
        foreach (var line in lines)
        {
            var result = UsgsFiles.Parser.Parse("mcs2024-lithi_world.csv", Encoding.UTF8.GetBytes(header + line + "\n" + "MCS2024,Chile,Mine production,1,2,,3,\n"));

            Assert.True(result.AddsUp, line);
            Assert.Equal(3, result.Rows.Count(r => r.Country.Key == "CHL")); // the good line after it is still read
        }
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        var operations = random.Next(1, 5);
        for (var i = 0; i < operations && bytes.Count > 0; i++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(7))
            {
                case 0:
                case 1:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(Tokens[random.Next(Tokens.Length)]));
                    break;
                case 2:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 20), bytes.Count - at));
                    break;
                case 3:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 4:
                    var lineStart = bytes.LastIndexOf((byte)'\n', at) + 1;
                    var lineEnd = bytes.IndexOf((byte)'\n', at);
                    var line = bytes.GetRange(lineStart, (lineEnd < 0 ? bytes.Count : lineEnd + 1) - lineStart);
                    bytes.InsertRange(lineStart, line);
                    break;
                case 5:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                default:
                    bytes.InsertRange(at, [0x93, 0x94, 0xBD]); // Windows-1252 quotes and ½: no longer UTF-8
                    break;
            }
        }

        return [.. bytes];
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 4000)];
        random.NextBytes(bytes);
        return bytes;
    }
}
