namespace RichContact.Engine.Contacts;

/// <summary>
/// Something the last-event mark must not pass: the earliest time a next process would have to catch
/// up from to recover what it holds in memory (null when it holds nothing). Held conversations, RTM
/// events not handled yet and unfinished catch-ups are the ones registered (<see cref="Crisp.CrispRegistration"/>).
/// </summary>
internal sealed record LastEventMarkHold(string What, Func<DateTimeOffset?> HeldAt)
{
    /// <summary>Gaps whose bounds are kept with the mark (<see cref="MarkedEvents"/>): a next process catches them up by themselves.</summary>
    public Func<IReadOnlyList<CatchUpGap>>? Kept { get; init; }

    /// <summary>What it holds besides <see cref="Kept"/>; <see cref="HeldAt"/> when not given.</summary>
    public Func<DateTimeOffset?>? HeldAtBesidesKept { get; init; }
}
