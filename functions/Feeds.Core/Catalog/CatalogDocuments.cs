namespace Feeds.Core.Catalog;

// The catalog files' JSON shapes as written: every field optional, so the loader can name what is missing.
// Internal records that only the loader reads, kept together.
internal sealed record MineralsDoc(List<MineralDoc>? Minerals);

internal sealed record MineralDoc(string? Id, string? Name, string? Kind, string? Symbol, string? Group, List<string>? Members, List<string>? UsgsNames);

internal sealed record ListsDoc(List<ListDoc>? Lists);

internal sealed record ListDoc(string? Id, string? Country, string? Title, string? Publisher, string? Published, string? Source, List<EntryDoc>? Entries);

internal sealed record EntryDoc(string? Name, string? Mineral);

internal sealed record HsCodesDoc(List<HsCodeDoc>? Codes);

internal sealed record HsCodeDoc(string? Code, string? Description, List<string>? Vintages, List<string>? Minerals, bool SharedWithOtherGoods, string? Note);

internal sealed record CountriesDoc(List<CountryDoc>? Countries, List<AreaDoc>? Areas, List<string>? UsgsAggregates);

internal sealed record CountryDoc(string? Iso3, string? Name, int? ComtradeCode, int? M49, List<string>? UsgsNames);

internal sealed record AreaDoc(int? ComtradeCode, string? Key, string? Name, string? Note);

internal sealed record MembershipsDoc(List<GroupDoc>? Groups);

internal sealed record GroupDoc(
    string? Id, string? Name, string? AsOf, string? Source, string? Note, string? From, string? To, string? ToCitation, bool? ToConfirmed,
    LegalTestDoc? LegalTest, List<MemberDoc>? Members);

internal sealed record LegalTestDoc(string? Id, string? Name, string? From, string? To, string? Citation, bool? Confirmed, string? Note);

internal sealed record MemberDoc(string? Iso3, string? From, string? To, string? Basis, string? Agreement, string? Citation, bool? Confirmed, string? Note);
