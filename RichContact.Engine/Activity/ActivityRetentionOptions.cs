namespace RichContact.Engine.Activity;

/// <summary>Configuration key <c>RichContact:ActivityRetentionDays</c>: how long <see cref="ActivityRetention"/> keeps entries.</summary>
internal sealed class ActivityRetentionOptions
{
    /// <summary>The key lives at the root of the app's section, where operators have always set it.</summary>
    public const string Section = "RichContact";

    /// <summary>Activity entries older than this are deleted.</summary>
    public int ActivityRetentionDays { get; set; } = 180;
}
