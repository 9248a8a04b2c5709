namespace RichContact.Engine.Nodes;

/// <summary>
/// A website where Crisp refuses new people profiles (its plan's contacts limit, a suspended website):
/// creates stop there until one attempt, at <paramref name="NextAttemptAt"/>, goes through.
/// </summary>
/// <param name="Reason">What Crisp answered, as a reason code (<c>crisp_402_plan_limit_reached</c>): no personal data.</param>
/// <param name="Since">When Crisp first refused.</param>
/// <param name="NextAttemptAt">When one create may be tried again.</param>
public sealed record WebsiteLimit(string WebsiteId, string Reason, DateTimeOffset Since, DateTimeOffset NextAttemptAt);
