namespace RichContact.Sandbox.Search;

/// <summary>One <c>search_filter</c> item: <c>{model, criterion, operator, query[]}</c>.</summary>
internal sealed record PeopleFilter(string Criterion, string Operator, IReadOnlyList<string> Query);
