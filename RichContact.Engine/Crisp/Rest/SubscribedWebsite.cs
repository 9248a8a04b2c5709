namespace RichContact.Engine.Crisp.Rest;

/// <summary>
/// A website that installed the plugin, with the settings token Crisp gave it; <see cref="UnknownToken"/>
/// when the website is known from the RTM listener's cache (Crisp/Rtm/PluginConnectCache.cs) only (tokens are not kept on disk).
/// </summary>
public sealed record SubscribedWebsite(string WebsiteId, string Token)
{
    public const string UnknownToken = "";
}
