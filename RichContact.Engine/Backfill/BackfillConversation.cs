namespace RichContact.Engine.Backfill;

/// <summary>
/// A messaging-channel conversation a run listed, in listing order, until the run has decided it. Listed
/// first and worked through after, so progress has a total and a restart resumes exactly where it
/// stopped. Ids and dates only; the rows go when the run ends.
/// </summary>
internal sealed class BackfillConversation
{
    public long RunId { get; set; }
    public required string SessionId { get; set; }

    /// <summary>From the listed origin; null when the list gave none.</summary>
    public string? Channel { get; set; }

    /// <summary>The conversation's creation time in Crisp.</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>Listing order: the run works through the conversations in it.</summary>
    public int Position { get; set; }

    public BackfillResult? Result { get; set; }
}
