namespace RichContact.Sandbox.State;

internal static class UnixTime
{
    public static long NowMs() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
}
