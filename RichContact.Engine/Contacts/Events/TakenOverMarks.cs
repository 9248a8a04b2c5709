namespace RichContact.Engine.Contacts;

/// <summary>
/// What <see cref="ILastEventMark.TakeOver"/> hands this listener: the time to catch up from (the
/// earliest the listeners gone resumed from) and the gaps they had pending, each with its own bounds.
/// </summary>
internal sealed record TakenOverMarks(DateTimeOffset Since, IReadOnlyList<CatchUpGap> Gaps)
{
    /// <summary>Several listeners' records as one: the earliest resume time, every gap.</summary>
    public static TakenOverMarks? Of(IReadOnlyCollection<MarkedEvents> taken) =>
        taken.Count == 0 ? null : new(taken.Min(t => t.ResumeFrom), taken.SelectMany(t => t.Gaps).Distinct().ToList());
}
