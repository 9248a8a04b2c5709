namespace RichContact.Engine.Crisp.Events;

/// <summary>An RTM event Rich Contact acts on (docs/crisp.md). Every payload has <c>website_id</c>.</summary>
internal abstract record CrispEvent(string WebsiteId);
