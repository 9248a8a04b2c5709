namespace RichContact.Web.Components.Activity;

/// <summary>Where a conversation and a contact live in Crisp's dashboard.</summary>
public static class CrispLinks
{
    public static string Conversation(string websiteId, string sessionId) =>
        $"https://app.crisp.chat/website/{Uri.EscapeDataString(websiteId)}/inbox/{Uri.EscapeDataString(sessionId)}/";

    public static string Contact(string websiteId, string peopleId) =>
        $"https://app.crisp.chat/website/{Uri.EscapeDataString(websiteId)}/contacts/profile/{Uri.EscapeDataString(peopleId)}/";
}
