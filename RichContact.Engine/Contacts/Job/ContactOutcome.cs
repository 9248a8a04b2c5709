using RichContact.Engine.Activity;

namespace RichContact.Engine.Contacts;

/// <summary>
/// What became of a conversation's contact: created, existing, skipped or failed with a reason, or
/// (a website in preview) would be created. <see cref="CreateContactRun"/> turns it into the
/// conversation's activity entry, in one place.
/// </summary>
/// <param name="Reason">A <see cref="ReasonCodes"/> code: why it was skipped or failed, or what a created
/// or existing contact's search could not check.</param>
/// <param name="Placeholder">A created contact whose email is a <c>@channel.nomail</c> placeholder.</param>
internal sealed record ContactOutcome(ActivityOutcome Kind, string? Reason = null, string? PeopleId = null, bool Placeholder = false)
{
    public static ContactOutcome Created(string peopleId, bool placeholder, string? reason) => new(ActivityOutcome.Created, reason, peopleId, placeholder);

    public static ContactOutcome Existing(string? peopleId, string? reason = null) => new(ActivityOutcome.Existing, reason, peopleId);

    public static ContactOutcome WouldCreate(string? reason) => new(ActivityOutcome.WouldCreate, reason);

    public static ContactOutcome Skipped(string reason) => new(ActivityOutcome.Skipped, reason);

    public static ContactOutcome Failed(string reason) => new(ActivityOutcome.Failed, reason);
}
