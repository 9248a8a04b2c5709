using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using RichContact.Engine.Storage;
using RichContact.Testing;
using RichContact.Web.Components.Layout;

namespace RichContact.Web.Tests.Support;

/// <summary>
/// A bUnit context over the engine's real services and a real SQLite database in a temporary data
/// directory, with MudBlazor.
/// </summary>
public sealed class ComponentTestContext : IAsyncDisposable
{
    private readonly TempDataDirectory _data = new();

    public BunitContext Bunit { get; } = new();

    private ComponentTestContext() { }

    public static async Task<ComponentTestContext> CreateAsync()
    {
        var context = new ComponentTestContext();
        var bunit = context.Bunit;
        bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        EngineHost.Compose(bunit.Services, new ConfigurationManager(), context._data.Path);
        bunit.Services.AddMudServices();
        bunit.Services.AddSingleton(RichContact.Web.Sandbox.SandboxMode.Off);
        // As on a live circuit: the portal's layout cascades it once the page is interactive.
        bunit.Services.AddCascadingValue(InteractiveGate.CascadingName, _ => true);

        var dbFactory = bunit.Services.GetRequiredService<IDbContextFactory<RichContactDb>>();
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.Database.MigrateAsync();
        // As on a Blazor Server circuit (the renderer exists once the services are complete).
        bunit.Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        return context;
    }

    public T Get<T>() where T : notnull => Bunit.Services.GetRequiredService<T>();

    public IRenderedComponent<TComponent> Render<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : Microsoft.AspNetCore.Components.IComponent =>
        Bunit.Render(parameters);

    public async ValueTask DisposeAsync()
    {
        await Bunit.DisposeAsync();
        _data.Dispose();
    }
}
