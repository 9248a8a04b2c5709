namespace RichContact.Sandbox.Rest;

/// <summary>Crisp's REST API v1, as far as a plugin uses it.</summary>
internal static class CrispRestApi
{
    public static void MapCrispRest(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/v1").WithMetadata(new CrispRoute());
        v1.MapPluginConnect();
        v1.MapSubscriptionSettings();
        var website = v1.MapGroup("/website/{website_id}").AddEndpointFilter(WebsiteFilter.RequireSubscribed);
        website.MapWebsite();
        website.MapConversations();
        website.MapPeople();
        website.MapPeopleExtras();
        // Routes of the user tier exist on Crisp but are closed to plugin tokens.
        v1.MapMethods("/user/{**rest}", [HttpMethods.Get, HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete],
            () => Results.StatusCode(StatusCodes.Status403Forbidden)).WithMetadata(new CrispRoute(OpenToPlugins: false));
    }
}
