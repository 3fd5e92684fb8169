using System.Text.RegularExpressions;

namespace Feeds.Core;

/// <summary>
/// The shapes of the identifiers the data files, the tables and the API share — one pattern each, used by the catalog
/// loader and the query validators alike.
/// </summary>
public static partial class Identifiers
{
    /// <summary>Lower-case English name: <c>lithium</c>, <c>ree</c>, <c>metallurgical-coal</c>.</summary>
    [GeneratedRegex("^[a-z][a-z0-9-]{0,40}$")]
    public static partial Regex MineralId();

    /// <summary>ISO 3166 alpha-3, upper case.</summary>
    [GeneratedRegex("^[A-Z]{3}$")]
    public static partial Regex Iso3();

    /// <summary>A Comtrade partner area without ISO3 (<c>W00</c>, <c>X490</c>).</summary>
    [GeneratedRegex("^[A-Z0-9]{3,4}$")]
    public static partial Regex AreaKey();

    /// <summary>An HS 6-digit code.</summary>
    [GeneratedRegex("^[0-9]{6}$")]
    public static partial Regex Hs6();

    /// <summary>A critical-mineral list: two capital letters and a year (<c>IN2023</c>).</summary>
    [GeneratedRegex("^[A-Z]{2}[0-9]{4}$")]
    public static partial Regex ListId();

    /// <summary>A membership group (<c>USFTA</c>, <c>MSP</c>, <c>QUAD</c>).</summary>
    [GeneratedRegex("^[A-Z]{2,10}$")]
    public static partial Regex MembershipId();

    /// <summary>A policy event of the register: country, year and words (<c>chn-2023-graphite-licensing</c>).</summary>
    [GeneratedRegex("^[a-z]{3}-[0-9]{4}-[a-z0-9-]{1,100}$")]
    public static partial Regex EventId();

    /// <summary>A USGS Mineral Commodity Summaries edition (<c>MCS2026</c>).</summary>
    [GeneratedRegex("^MCS[0-9]{4}$")]
    public static partial Regex Edition();

    /// <summary>A product slug of the USGS data (<c>main</c>, <c>sponge-metal</c>, <c>bauxite</c>).</summary>
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,59}$")]
    public static partial Regex ProductSlug();

    /// <summary>A feed run: start time and a random suffix (<c>20261126T010000123Z-0a1b2c</c>).</summary>
    [GeneratedRegex("^[0-9]{8}T[0-9]{9}Z-[0-9a-f]{6}$")]
    public static partial Regex RunId();

    /// <summary>The first and last years any route or feed accepts.</summary>
    public const int FirstYear = 1988;

    public const int LastYear = 2100;
}
