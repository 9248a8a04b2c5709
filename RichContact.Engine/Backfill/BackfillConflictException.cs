namespace RichContact.Engine.Backfill;

/// <summary>A website already has a run in progress (or previewed): one run per website at a time.</summary>
public sealed class BackfillConflictException(string websiteId)
    : InvalidOperationException($"Website {websiteId} already has a backfill in progress.");
