namespace RichContact.Engine.Crisp.Rest;

/// <summary>The daily request budget is spent: no call goes to Crisp until the next UTC day.</summary>
public sealed class CrispBudgetExhaustedException(DateTimeOffset resumesAt)
    : Exception($"The daily Crisp request budget is spent; calls resume at {resumesAt:u}.")
{
    public DateTimeOffset ResumesAt { get; } = resumesAt;
}
