using RichContact.Engine.Crisp.Rest;

namespace RichContact.Engine.Crisp.Events;

/// <summary>
/// What a <c>session:set_*</c> or <c>session:sync:geolocation</c> event tells about the visitor:
/// only the fields it set are non-null. Personal data: never log it.
/// </summary>
internal sealed record SessionDetails(string WebsiteId, string SessionId, VisitorDetails Details) : CrispEvent(WebsiteId);
