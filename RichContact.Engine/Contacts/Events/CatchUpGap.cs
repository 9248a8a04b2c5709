namespace RichContact.Engine.Contacts;

/// <summary>
/// A stretch whose events may be lost and whose end is fixed (it was tried once and could not be
/// finished): kept with the last-event mark so that a restart catches it up with its own bounds,
/// never stretched to a later end that <see cref="CatchUpOptions.MaxGapMinutes"/> would cut.
/// </summary>
public readonly record struct CatchUpGap(DateTimeOffset Since, DateTimeOffset Until);
