namespace RichContact.Engine.Contacts;

/// <summary>
/// Which websites a gap's catch-up lists, and in what order (docs/catch-up.md): a gap can only hold what
/// started during it, so a short one lists few websites. Websites that need no catch-up (switched off,
/// or monitoring no channel) are never listed; the others are listed most recently heard first, then
/// the ones not heard since start, by id, up to <see cref="CatchUpOptions.WebsitesPerGapSecond"/>
/// per second the gap lasted. Those left out lose nothing for good: any visitor message of a session the
/// tracker has not seen starts its window, so their next message is heard.
/// </summary>
public sealed record CatchUpPlan(IReadOnlyList<string> Listed, IReadOnlyList<string> NotListed)
{
    /// <param name="websites">The subscribed websites that need a catch-up and are not caught up yet for this gap.</param>
    /// <param name="alreadyListed">How many websites earlier attempts at this gap already listed (they count against its allowance).</param>
    public static CatchUpPlan For(IEnumerable<string> websites, Func<string, DateTimeOffset?> lastHeard, TimeSpan gap,
        int websitesPerGapSecond, int alreadyListed)
    {
        var ordered = websites
            .Select(id => (Id: id, Heard: lastHeard(id)))
            .OrderByDescending(w => w.Heard.HasValue)
            .ThenByDescending(w => w.Heard)
            .ThenBy(w => w.Id, StringComparer.Ordinal)
            .Select(w => w.Id)
            .ToList();
        var allowance = Allowance(gap, websitesPerGapSecond) - alreadyListed;
        var take = Math.Clamp(allowance, 0, ordered.Count);
        return new CatchUpPlan(ordered[..take], ordered[take..]);
    }

    /// <summary>Websites a gap of this length may list; 0 or less per second: every website.</summary>
    internal static int Allowance(TimeSpan gap, int websitesPerGapSecond) =>
        websitesPerGapSecond <= 0
            ? int.MaxValue
            : (int)Math.Min(int.MaxValue, websitesPerGapSecond * Math.Max(1, Math.Ceiling(gap.TotalSeconds)));
}
