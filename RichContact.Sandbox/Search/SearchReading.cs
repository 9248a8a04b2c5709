namespace RichContact.Sandbox.Search;

/// <summary>
/// How the sandbox's people search behaves where Crisp's documentation is silent (docs/crisp.md,
/// "What nobody knows about people search"). Each property is one plausible reading of Crisp; the
/// engine must create correct contacts, without duplicates, under every one of them and every
/// combination. Bound from <c>RichContact:Sandbox:Search</c>, changed at run time with
/// <c>PUT /_sandbox/search</c>.
/// </summary>
public sealed record SearchReading
{
    /// <summary>What Crisp makes of the undocumented <c>person.phone</c> criterion: see <see cref="PhoneCriteria"/>.</summary>
    public string PhoneCriterion { get; init; } = PhoneCriteria.Supported;

    /// <summary>
    /// When set, any criterion outside this list is refused with 400 <c>invalid_data</c>, as a Crisp
    /// that validates criteria against a fixed list would. Null: every criterion is accepted.
    /// </summary>
    public string[]? AllowedCriteria { get; init; }

    /// <summary>What <c>has</c> means: see <see cref="HasMatches"/>.</summary>
    public string Has { get; init; } = HasMatches.Substring;

    /// <summary>
    /// A profile shows up in search this long after it was created, as behind a search index fed
    /// asynchronously. Reading a profile by id or email (<c>GET people/profile/{id}</c>) stays immediate.
    /// </summary>
    public int IndexLagMs { get; init; }

    /// <summary>The most profiles a search page holds, whatever <c>per_page</c> asks (20–50 seen).</summary>
    public int MaxPerPage { get; init; } = 50;

    public static readonly SearchReading Default = new();

    /// <summary>The reason a query is refused under this reading, or null when it is answered.</summary>
    internal bool Refuses(PeopleQuery query) => query.Filters.Any(f =>
        (f.Criterion == PhoneCriteria.Criterion && PhoneCriterion == PhoneCriteria.Refused)
        || (AllowedCriteria is not null && !AllowedCriteria.Contains(f.Criterion, StringComparer.Ordinal)));

    /// <summary>A filter Crisp would silently drop, so that it matches every profile.</summary>
    internal bool Ignores(PeopleFilter filter) =>
        filter.Criterion == PhoneCriteria.Criterion && PhoneCriterion == PhoneCriteria.Ignored;

    /// <summary>A configuration mistake said plainly, or null.</summary>
    public string? Problem() =>
        !PhoneCriteria.All.Contains(PhoneCriterion) ? $"PhoneCriterion must be one of {string.Join(", ", PhoneCriteria.All)}"
        : !HasMatches.All.Contains(Has) ? $"Has must be one of {string.Join(", ", HasMatches.All)}"
        : IndexLagMs < 0 ? "IndexLagMs must be 0 or more"
        : MaxPerPage is < 1 or > 50 ? "MaxPerPage must be between 1 and 50"
        : null;
}
