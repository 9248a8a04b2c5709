namespace RichContact.Engine.Activity;

public sealed record ActivityPage(IReadOnlyList<ActivityEntry> Items, int Total);
