using System.Text;

namespace RichContact.Engine.Activity;

/// <summary>
/// An outcome as it is written outside the process — the CSV export, its filter, the portal's test
/// ids — in lower snake case: <c>created</c>, <c>mend</c>, <c>would_create</c>.
/// </summary>
public static class OutcomeCodes
{
    public static string Code(this ActivityOutcome outcome)
    {
        var name = outcome.ToString();
        var code = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && code.Length > 0)
                code.Append('_');
            code.Append(char.ToLowerInvariant(c));
        }
        return code.ToString();
    }

    /// <summary>Every outcome's code, in the enum's order.</summary>
    public static IReadOnlyList<string> All { get; } = Enum.GetValues<ActivityOutcome>().Select(Code).ToArray();

    /// <summary>The outcome whose code this is (case-insensitive); names and numbers are refused.</summary>
    public static bool TryParse(string? code, out ActivityOutcome outcome)
    {
        foreach (var candidate in Enum.GetValues<ActivityOutcome>())
        {
            if (string.Equals(candidate.Code(), code, StringComparison.OrdinalIgnoreCase))
            {
                outcome = candidate;
                return true;
            }
        }
        outcome = default;
        return false;
    }
}
