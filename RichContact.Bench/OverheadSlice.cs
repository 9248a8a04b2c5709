namespace RichContact.Bench;

/// <summary>The overhead over the window of the contacts whose first message came in one 10 s slice of the run.</summary>
public sealed record OverheadSlice(int FromSecond, Percentiles OverheadMs)
{
    public const int Seconds = 10;

    /// <param name="created">Each created contact's first-message time (Unix ms) and first message → contact latency.</param>
    public static IReadOnlyList<OverheadSlice> Of(IReadOnlyList<(long FirstMessage, double Ms)> created, double windowMs)
    {
        if (created.Count == 0)
            return [];
        var start = created.Min(c => c.FirstMessage);
        return created
            .GroupBy(c => (int)((c.FirstMessage - start) / 1000 / Seconds))
            .OrderBy(g => g.Key)
            .Select(g => new OverheadSlice(g.Key * Seconds, Percentiles.Of(g.Select(c => c.Ms)).Minus(windowMs)))
            .ToList();
    }
}
