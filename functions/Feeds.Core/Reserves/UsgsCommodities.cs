using Feeds.Core.Catalog;

namespace Feeds.Core.Reserves;

/// <summary>
/// Maps USGS commodities to catalog minerals. The MCS 2022–2024 world files name their commodity only by the code in
/// the file name (<c>mcs2024-lithi_world.csv</c>); <see cref="FileCodes"/> turns the code into the MCS chapter name,
/// and the catalog's <c>usgsNames</c> turn that name into a mineral. MCS 2025 and the T5 salient table name the
/// commodity in a column and go straight to the catalog. A code or name the catalog does not know is quarantined.
/// </summary>
public sealed class UsgsCommodities
{
    /// <summary>MCS file codes and the chapter name each stands for (codes listed in data/usgs/README.md and seen in the files).</summary>
    public static IReadOnlyDictionary<string, string> FileCodes { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["alumi"] = "Aluminum",
        ["antim"] = "Antimony",
        ["arsen"] = "Arsenic",
        ["barit"] = "Barite",
        ["bauxi"] = "Bauxite and alumina",
        ["beryl"] = "Beryllium",
        ["bismu"] = "Bismuth",
        ["boron"] = "Boron",
        ["cadmi"] = "Cadmium",
        ["cesiu"] = "Cesium",
        ["chrom"] = "Chromium",
        ["cobal"] = "Cobalt",
        ["coppe"] = "Copper",
        ["fluor"] = "Fluorspar",
        ["galli"] = "Gallium",
        ["germa"] = "Germanium",
        ["graph"] = "Graphite (natural)",
        ["indiu"] = "Indium",
        ["lead"] = "Lead",
        ["lithi"] = "Lithium",
        ["manga"] = "Manganese",
        ["mgcomp"] = "Magnesium compounds",
        ["mgmet"] = "Magnesium metal",
        ["molyb"] = "Molybdenum",
        ["nicke"] = "Nickel",
        ["niobi"] = "Niobium (columbium)",
        ["phosp"] = "Phosphate rock",
        ["plati"] = "Platinum-group metals",
        ["potas"] = "Potash",
        ["raree"] = "Rare earths",
        ["rheni"] = "Rhenium",
        ["rubid"] = "Rubidium",
        ["scand"] = "Scandium",
        ["selen"] = "Selenium",
        ["silve"] = "Silver",
        ["simet"] = "Silicon",
        ["stron"] = "Strontium",
        ["tanta"] = "Tantalum",
        ["tellu"] = "Tellurium",
        ["timin"] = "Titanium mineral concentrates",
        ["tin"] = "Tin",
        ["titan"] = "Titanium and titanium dioxide",
        ["tungs"] = "Tungsten",
        ["vanad"] = "Vanadium",
        ["yttri"] = "Yttrium",
        ["zinc"] = "Zinc",
        ["zirco"] = "Zirconium and hafnium",
        ["zirco-hafni"] = "Zirconium and hafnium",
    };

    /// <summary>
    /// Chapter names the catalog gives to more than one mineral, and the mineral their world table measures: the
    /// "Zirconium and hafnium" world table is zirconium mineral concentrates and zirconium reserves (hafnium has none).
    /// </summary>
    public static IReadOnlyDictionary<string, string> SharedNames { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Zirconium and hafnium"] = "zirconium",
    };

    private readonly Dictionary<string, List<string>> _byName = new(StringComparer.OrdinalIgnoreCase);

    public UsgsCommodities(CatalogData catalog)
    {
        foreach (var mineral in catalog.Minerals)
        {
            foreach (var name in mineral.UsgsNames)
            {
                if (!_byName.TryGetValue(UsgsText.Clean(name), out var ids))
                {
                    _byName[UsgsText.Clean(name)] = ids = [];
                }

                ids.Add(mineral.Id);
            }
        }
    }

    /// <summary>The mineral a USGS commodity name stands for, or null with the reason.</summary>
    public (string? MineralId, string? Error) ByName(string? name)
    {
        var text = UsgsText.Clean(name);
        if (!_byName.TryGetValue(text, out var ids))
        {
            return (null, $"commodity '{text}' is not a USGS name of any catalog mineral");
        }

        if (ids.Count == 1)
        {
            return (ids[0], null);
        }

        return SharedNames.TryGetValue(text, out var chosen) && ids.Contains(chosen)
            ? (chosen, null)
            : (null, $"commodity '{text}' names several catalog minerals ({string.Join(", ", ids)})");
    }

    /// <summary>The commodity name and mineral of an MCS file code, or the reason it has none.</summary>
    public (string? Commodity, string? MineralId, string? Error) ByFileCode(string code)
    {
        if (!FileCodes.TryGetValue(code, out var commodity))
        {
            return (null, null, $"file code '{code}' is not in the USGS file-code table");
        }

        var (mineral, error) = ByName(commodity);
        return (commodity, mineral, error);
    }
}
