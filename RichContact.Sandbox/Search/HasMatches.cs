namespace RichContact.Sandbox.Search;

internal static class HasMatches
{
    /// <summary><c>has</c> finds the query anywhere in the stored text (<c>4321</c> in <c>+5511987654321</c>).</summary>
    public const string Substring = "substring";
    /// <summary>
    /// <c>has</c> finds the query's words as whole words, in order, as a full-text index would: text is
    /// cut at spaces and punctuation, so <c>4321</c> is in <c>98765-4321</c> but not in <c>987654321</c>.
    /// </summary>
    public const string Word = "word";

    public static readonly string[] All = [Substring, Word];
}
