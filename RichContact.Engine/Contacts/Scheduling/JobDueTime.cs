namespace RichContact.Engine.Contacts;

/// <summary>When a conversation's Hangfire job is due.</summary>
internal static class JobDueTime
{
    /// <summary>
    /// First message + window (+ the fallback's wait), rounded UP to the next whole second: Hangfire
    /// stores due times in whole seconds, so an unrounded time could fire up to a second before the
    /// window is over. (The window's end runs the job at the exact end; the Hangfire job's due time is
    /// the durable fallback.)
    /// </summary>
    public static DateTimeOffset After(DateTimeOffset firstMessageAt, TimeSpan window)
    {
        var end = firstMessageAt + window;
        var seconds = end.ToUnixTimeMilliseconds() / 1000;
        if (end.ToUnixTimeMilliseconds() % 1000 != 0)
            seconds++;
        return DateTimeOffset.FromUnixTimeSeconds(seconds);
    }
}
