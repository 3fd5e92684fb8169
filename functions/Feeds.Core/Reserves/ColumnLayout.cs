namespace Feeds.Core.Reserves;

/// <summary>
/// The columns of an MCS world file, found by name (case-insensitive): Source, Country, Type, and in 2025 Commodity
/// and Unit_meas; value columns <c>{Prod|Cap|Reserves}[_words][_unit][_est][_year]</c> and notes columns
/// <c>{Prod|Cap|Reserves|Reserve}_note[s]</c>. Blank headers (trailing empty columns, pandas' <c>Unnamed: N</c>) are
/// ignored; a production wording as a header name is the Type ("Mine production, fluorspar"); any other name makes
/// the header unrecognised (<see cref="Error"/>), because nothing is guessed.
/// </summary>
internal sealed class ColumnLayout
{
    private readonly Dictionary<ColumnKind, int> _notes = [];

    public int Source { get; private set; } = -1;
    public int Country { get; private set; } = -1;
    public int Type { get; private set; } = -1;
    public int? Commodity { get; private set; }

    /// <summary>The Type as the header itself states it, when a file names its one Type in the header ("Mine production, fluorspar").</summary>
    public string? TypeInHeader { get; private set; }
    public int? UnitMeasure { get; private set; }
    public List<ValueColumn> Values { get; } = [];
    public List<int> Ignored { get; } = [];
    public int Width { get; private set; }
    public int RequiredFields { get; private set; }
    public string? Error { get; private set; }

    public int? NotesFor(ColumnKind kind) => _notes.TryGetValue(kind, out var index) ? index : null;

    public static ColumnLayout Read(IReadOnlyList<string> names)
    {
        var layout = new ColumnLayout { Width = names.Count };
        var errors = new List<string>();
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i];
            switch (name.ToUpperInvariant())
            {
                case "":
                    layout.Ignored.Add(i);
                    continue;
                case "SOURCE":
                    layout.Source = i;
                    continue;
                case "COUNTRY":
                    layout.Country = i;
                    continue;
                case "TYPE":
                    layout.Type = i;
                    continue;
                case "COMMODITY":
                    layout.Commodity = i;
                    continue;
                case "UNIT_MEAS":
                    layout.UnitMeasure = i;
                    continue;
            }

            var error = layout.AddValueOrNotes(i, name);
            if (error is not null && layout.Type < 0 && UsgsWording.Stage(name) is not null)
            {
                // A production wording as a header name stands where the Type column stands.
                layout.Type = i;
                layout.TypeInHeader = name;
                continue;
            }

            if (error is not null)
            {
                errors.Add(error);
            }
        }

        if (layout.Source < 0 || layout.Country < 0 || layout.Type < 0)
        {
            errors.Add("Source, Country and Type columns are required");
        }

        if (layout.Commodity.HasValue != layout.UnitMeasure.HasValue)
        {
            errors.Add("COMMODITY and UNIT_MEAS come together (MCS 2025 layout)");
        }

        if (layout.Values.Count == 0)
        {
            errors.Add("no production, capacity or reserves column");
        }

        foreach (var column in layout.Values.Where(c => c.Unit is null && layout.UnitMeasure is null))
        {
            errors.Add($"column '{column.Header}' names no unit and there is no UNIT_MEAS column");
        }

        layout.Error = errors.Count == 0 ? null : string.Join("; ", errors);
        int[] required = [layout.Source, layout.Country, layout.Type, layout.Commodity ?? -1, layout.UnitMeasure ?? -1, .. layout.Values.Select(v => v.Index)];
        layout.RequiredFields = required.Max() + 1;
        return layout;
    }

    private string? AddValueOrNotes(int index, string name)
    {
        var tokens = name.Replace(" ", "", StringComparison.Ordinal).Split('_', StringSplitOptions.RemoveEmptyEntries);
        ColumnKind? kind = tokens.Length == 0 ? null : tokens[0].ToUpperInvariant() switch
        {
            "PROD" => ColumnKind.Production,
            "CAP" => ColumnKind.Capacity,
            "RESERVES" or "RESERVE" => ColumnKind.Reserves,
            _ => null,
        };
        if (kind is not { } k)
        {
            return $"column '{name}' is not a known MCS column";
        }

        var rest = tokens.Skip(1).ToList();
        if (rest.Count == 1 && rest[0].ToUpperInvariant() is "NOTES" or "NOTE")
        {
            return _notes.TryAdd(k, index) ? null : $"two notes columns for {k}";
        }

        UsgsUnit? unit = null;
        int? year = null;
        var estimated = false;
        var words = new List<string>();
        for (var t = 0; t < rest.Count; t++)
        {
            var token = rest[t];
            if (t == rest.Count - 1 && token.Length == 4 && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is > 1900 and < 2200)
            {
                year = y;
            }
            else if (string.Equals(token, "est", StringComparison.OrdinalIgnoreCase))
            {
                estimated = true;
            }
            else if (UsgsUnits.FromToken(token) is { } u)
            {
                if (unit is not null)
                {
                    return $"column '{name}' names two units";
                }

                unit = u;
            }
            else
            {
                words.Add(token);
            }
        }

        if (year is null && k != ColumnKind.Reserves)
        {
            return $"column '{name}' gives no year";
        }

        Values.Add(new ValueColumn(index, name, k, unit, year, estimated, words));
        return null;
    }
}
