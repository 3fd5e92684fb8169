namespace Feeds.Core.Storage;

/// <summary>
/// The <c>Salient</c> table: PartitionKey = mineral id, RowKey =
/// <c>{edition}-{kind}-{statistic}-{product}-{label key}-{period key}-{partner key}</c>, so a mineral's salient figures are one
/// partition and an edition one RowKey range of it. The label key is a slug of the published label (cut, with a
/// hash of the whole label, when long), so two labels never share a key.
/// </summary>
public static class SalientEntities
{
    /// <summary>The partner part of a statistic's key (the United States' own figure).</summary>
    public const string UnitedStatesKey = "US";

    public static string RowKey(SalientRow s) =>
        TableKeys.Require(
            $"{s.Edition}-{s.Kind}-{s.Statistic}-{s.Product}-{KeyPart(s.Label + (s.Unit is null ? "" : " [" + s.Unit + "]"))}-{KeyPart(s.Period)}-{s.PartnerKey ?? UnitedStatesKey}",
            "a Salient row key");

    /// <summary>A slug of free text for a key: lower-case letters and digits joined by '-'; a long one is cut and given a hash of the whole.</summary>
    public static string KeyPart(string text)
    {
        var slug = Slug(text);
        if (slug.Length <= 60)
        {
            return slug.Length == 0 ? "none" : slug;
        }

        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..8];
        return slug[..51].TrimEnd('-') + "-" + hash;
    }

    public static string Slug(string text)
    {
        var builder = new StringBuilder(text.Length);
        var dash = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                if (dash && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(char.ToLowerInvariant(c));
                dash = false;
            }
            else
            {
                dash = true;
            }
        }

        return builder.ToString();
    }

    public static TableEntity ToEntity(SalientRow s, string runId) =>
        new(TableKeys.Require(s.MineralId, "a mineral id"), RowKey(s))
        {
            ["Mineral"] = s.MineralId,
            ["Commodity"] = s.Commodity,
            ["Edition"] = s.Edition,
            ["Kind"] = s.Kind,
            ["Statistic"] = s.Statistic,
            ["Label"] = TextLimits.Truncate(s.Label),
            ["Product"] = s.Product,
            ["Period"] = s.Period,
            ["Year"] = s.Year,
            ["PartnerKey"] = s.PartnerKey,
            ["PartnerIso3"] = s.PartnerIso3,
            ["PartnerName"] = s.PartnerName,
            ["PartnerPublished"] = s.PartnerPublished,
            ["Value"] = s.Value,
            ["ValueHigh"] = s.ValueHigh,
            ["Qualifier"] = s.Qualifier,
            ["ValuePublished"] = s.ValuePublished,
            ["Unit"] = s.Unit,
            ["Estimated"] = s.Estimated,
            ["Rank"] = s.Rank,
            ["Notes"] = TextLimits.TruncateOrNull(s.Notes),
            ["Correction"] = TextLimits.TruncateOrNull(s.Correction),
            ["SourceFile"] = s.SourceFile,
            ["SourceLine"] = s.SourceLine,
            ["SourceColumn"] = s.Column,
            ["RunId"] = runId,
        };

    public static SalientRow FromEntity(TableEntity e) => new(
        e.PartitionKey,
        e.GetString("Commodity") ?? "",
        e.GetString("Edition") ?? "",
        e.GetString("Kind") ?? SalientRow.StatisticKind,
        e.GetString("Statistic") ?? "",
        e.GetString("Label") ?? "",
        e.GetString("Product") ?? "main",
        e.GetString("Period") ?? "",
        e.GetInt32("Year") ?? 0,
        e.GetString("PartnerKey"),
        e.GetString("PartnerIso3"),
        e.GetString("PartnerName"),
        e.GetString("PartnerPublished"),
        e.GetDouble("Value"),
        e.GetDouble("ValueHigh"),
        e.GetString("Qualifier") ?? UsgsQualifier.NotAvailable,
        e.GetString("ValuePublished") ?? "",
        e.GetString("Unit"),
        e.GetBoolean("Estimated") ?? false,
        e.GetInt32("Rank"),
        e.GetString("Notes"),
        e.GetString("Correction"),
        e.GetString("SourceFile") ?? "",
        e.GetInt32("SourceLine") ?? 0,
        e.GetString("SourceColumn") ?? "");
}
