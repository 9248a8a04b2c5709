namespace RichContact.Web.Components.Activity;

public static class Durations
{
    /// <summary>Milliseconds as seconds with one decimal (<c>2.4 s</c>); <paramref name="none"/> when unknown.</summary>
    public static string Seconds(long? ms, string none = "") => ms is { } v ? $"{v / 1000.0:0.0} s" : none;
}
