using System.Globalization;

namespace RichContact.Engine.Contacts;

/// <summary>
/// What a listener's last-event mark keeps, as one text: <see cref="Mark"/> first (held back by every
/// hold, so that a reader that knows only the mark still catches up everything), then, when catch-ups
/// are pending with fixed ends, the time this listener resumes from besides them and each gap's own
/// bounds. Times, nothing else.
/// </summary>
internal sealed record MarkedEvents(DateTimeOffset Mark, DateTimeOffset ResumeFrom, IReadOnlyList<CatchUpGap> Gaps)
{
    /// <summary>The text kept: the mark alone when no gap is pending (as it always was).</summary>
    public string Format(Func<DateTimeOffset, string> time) =>
        Gaps.Count == 0 ? time(Mark)
            : string.Join(' ', [time(Mark), time(ResumeFrom), .. Gaps.Select(g => $"{time(g.Since)}/{time(g.Until)}")]);

    /// <summary>The record in <paramref name="text"/>, or null when it is not one (a damaged file is no mark).</summary>
    public static MarkedEvents? Parse(string? text)
    {
        var parts = text?.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        if (parts.Length == 0 || Time(parts[0]) is not { } mark)
            return null;
        var resumeFrom = parts.Length > 1 ? Time(parts[1]) ?? mark : mark;
        var gaps = new List<CatchUpGap>();
        foreach (var part in parts.Skip(2))
        {
            if (part.Split('/') is [var since, var until] && Time(since) is { } s && Time(until) is { } u)
                gaps.Add(new CatchUpGap(s, u));
        }
        return new MarkedEvents(mark, resumeFrom, gaps);
    }

    private static DateTimeOffset? Time(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
}
