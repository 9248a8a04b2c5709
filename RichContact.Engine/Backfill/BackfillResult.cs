namespace RichContact.Engine.Backfill;

/// <summary>What a run's conversation came to; null while it waits.</summary>
internal enum BackfillResult
{
    Created,
    Existing,
    Skipped,
    Failed,
    HadOutcome,

    /// <summary>The website is in preview only: the contact that would have been made.</summary>
    WouldCreate,
}
