using RichContact.Web;
using RichContact.Web.Auth;
using RichContact.Web.Components;
using RichContact.Web.Export;
using RichContact.Web.Hooks;
using RichContact.Web.Metrics;
using RichContact.Web.Security;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // The repository's top-level wwwroot/ is copied beside the app by the build and by publish.
    WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
});

builder.Services.AddRichContactWeb(builder.Configuration);

var app = builder.Build();

app.UseTrustedProxies(); // first: everything after it sees the client's address
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseRichContactFraming();

app.UseStaticFiles();
app.UseRequestBodyLimits(); // before the antiforgery check reads a form
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.UseRateLimiter();

app.MapStaticAssets();
app.MapRichContactHealth();
app.MapRichContactMetrics();
app.MapAdminEndpoints();
app.MapActivityExport();
app.MapCrispHooks();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();

app.Run();

// Lets tests start the real app on a real port.
public partial class Program;
