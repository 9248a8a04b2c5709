namespace RichContact.Sandbox.Search;

internal static class PhoneCriteria
{
    public const string Criterion = "person.phone";

    /// <summary>The criterion filters on the phone as stored.</summary>
    public const string Supported = "supported";
    /// <summary>Any search that names the criterion gets 400 <c>invalid_data</c>.</summary>
    public const string Refused = "refused";
    /// <summary>The criterion is dropped: the filter matches every profile.</summary>
    public const string Ignored = "ignored";

    public static readonly string[] All = [Supported, Refused, Ignored];
}
