using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;

namespace RichContact.Sandbox;

/// <summary>Standalone: <c>dotnet run --project RichContact.Sandbox -- --urls http://127.0.0.1:5090 [--traffic 2] [--seed 7]</c>.</summary>
public static class Program
{
    public const string DefaultUrl = "http://127.0.0.1:5090";

    public static async Task Main(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddEnvironmentVariables("ASPNETCORE_") // ASPNETCORE_URLS, when urls is not set
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();
        var services = new ServiceCollection().AddSandboxOptions(configuration);
        services.AddOptions<StandaloneOptions>().Bind(configuration).ValidateDataAnnotations().ValidateOnStart();
#pragma warning disable ASP0000 // this console program's only container, for its options; the sandbox's web app has its own
        await using var provider = services.BuildServiceProvider();
#pragma warning restore ASP0000
        provider.GetRequiredService<IStartupValidator>().Validate();
        var options = provider.GetRequiredService<IOptions<SandboxOptions>>().Value;
        var standalone = provider.GetRequiredService<IOptions<StandaloneOptions>>().Value;

        await using var sandbox = await CrispSandbox.StartAsync(options, standalone.Url, consoleLogging: true);
        Console.WriteLine($"Rich Contact sandbox (a local Crisp) listening on {sandbox.Url}");
        Console.WriteLine($"  REST API:          {sandbox.ApiUrl}");
        Console.WriteLine($"  RTM (Socket.IO):   {sandbox.RtmUrl}");
        Console.WriteLine($"  Plugin identifier: {options.Identifier}");
        Console.WriteLine($"  Plugin key:        {options.Key}");
        Console.WriteLine($"  Plugin id:         {options.PluginId}");
        foreach (var website in options.Websites)
            Console.WriteLine($"  Website {website.Name ?? "",-12} {website.Domain ?? "",-20} id {website.Id}  token {website.Token}");
        if (!string.IsNullOrEmpty(options.HookUrl))
            Console.WriteLine($"  Web hooks POST to  {options.HookUrl}");

        if (standalone.Traffic > 0)
        {
            await sandbox.Traffic.StartAsync(standalone.Traffic, standalone.Seed);
            Console.WriteLine($"  Traffic: {standalone.Traffic} conversation(s) a second");
        }
        Console.WriteLine("Press Ctrl+C to stop.");

        // Ctrl+C and systemd/kill's SIGTERM both stop it cleanly. (The embedded web host's own
        // console lifetime swallows SIGTERM, so ProcessExit alone never fires.)
        var stop = new TaskCompletionSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        await stop.Task;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.TrySetResult();
        }
    }
}
