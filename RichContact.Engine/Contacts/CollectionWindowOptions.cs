namespace RichContact.Engine.Contacts;

/// <summary>Configuration key <c>RichContact:CollectionWindowSeconds</c>.</summary>
public sealed class CollectionWindowOptions
{
    /// <summary>The key lives at the root of the app's section, where operators have always set it.</summary>
    public const string Section = "RichContact";

    /// <summary>How long a new conversation gathers the visitor's data before its contact is created.</summary>
    public double CollectionWindowSeconds { get; set; } = 2;

    public TimeSpan CollectionWindow => TimeSpan.FromSeconds(CollectionWindowSeconds);
}
