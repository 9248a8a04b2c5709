using System.Diagnostics.Metrics;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using RichContact.Engine.Crisp.Events;
using RichContact.Engine.Crisp.Hooks;
using RichContact.Engine.Crisp.Rest;
using RichContact.Engine.Crisp.Rtm;
using RichContact.Engine.Nodes;
using RichContact.Engine.Storage;

namespace RichContact.Engine.Crisp;

/// <summary>
/// Registers the adapter to Crisp: the REST client with its quota accounting and resilience, the website
/// names, the event queue, and the event source <c>RichContact:Crisp:Events</c> chooses: the RTM listener,
/// or the Web Hooks listener (with the receiver the web app's endpoint hands deliveries to). The engine supplies
/// <see cref="IListeningGaps"/>, and reads the events off <see cref="CrispEventQueue"/>.
/// </summary>
internal static class CrispRegistration
{
    /// <summary>Crisp's official clients give up on a request after 5–10 s.</summary>
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    public static IServiceCollection AddCrisp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<CrispOptions, CrispOptionsValidator>(configuration, CrispOptions.Section);
        services.AddValidatedOptions<RtmTimings, RtmTimingsValidator>(configuration, RtmTimings.Section);
        services.AddValidatedOptions<HookTimings, HookTimingsValidator>(configuration, HookTimings.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(DataDirectory.FromOptions);
        // Where the adapter keeps its small state and whether this node holds RTM (Nodes/): registered
        // by the engine; alone, a single process on its data directory.
        services.TryAddSingleton<NodeIdentity>();
        services.TryAddSingleton<NodesDatabase>();
        services.TryAddSingleton<NodeState>();
        services.AddOneHome<IRtmLeadership, SingleProcessRtmLeadership, PostgresRtmLeadership>();
        services.TryAddSingleton<IStateChanges, ProcessStateChanges>();
        services.TryAddSingleton<IWebsiteListShare, ProcessWebsiteList>();
        services.TryAddSingleton<IHookSignatures, ProcessHookSignatures>();
        services.TryAddSingleton<IWebsiteNameShare, ProcessWebsiteNames>();
        services.TryAddSingleton<IRequestCount>(sp => new FileRequestCount(sp.GetRequiredService<DataDirectory>().RequestBudget, sp.GetRequiredService<ILogger<FileRequestCount>>()));
        services.AddSingleton(sp => new CrispRequestBudget(
            sp.GetRequiredService<IOptionsMonitor<CrispOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<CrispRequestBudget>>(),
            sp.GetRequiredService<IRequestCount>()));
        services.AddTransient<CrispQuotaHandler>();
        services.AddSingleton(sp => new CrispRequestCounter(sp.GetService<IMeterFactory>()));

        var client = services.AddHttpClient<CrispClient>((sp, http) =>
            {
                var crisp = sp.GetRequiredService<IOptions<CrispOptions>>().Value;
                http.BaseAddress = new Uri(crisp.ApiUrl.EndsWith('/') ? crisp.ApiUrl : crisp.ApiUrl + "/");
                http.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline times each attempt
                var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{crisp.Identifier}:{crisp.Key}"));
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", basic);
                http.DefaultRequestHeaders.Add("X-Crisp-Tier", "plugin");
            })
            // The default HTTP logging writes request URLs, and people searches carry phone digits.
            .RemoveAllLoggers();
        client.AddResilienceHandler("crisp", ConfigureResilience);
        // Added after the retries, so innermost: each attempt that leaves the process is quota.
        client.AddHttpMessageHandler<CrispQuotaHandler>();
        client.AddHttpMessageHandler(sp => new CrispRequestCounting(sp.GetRequiredService<CrispRequestCounter>())); // innermost: what the budget let through

        services.AddSingleton<WebsiteNames>();
        services.AddSingleton<CrispConnectionStatus>();
        services.AddSingleton<SubscribedWebsites>();
        services.AddSingleton<CrispEventQueue>();
        services.AddSingleton<CrispHookReceiver>();
        services.AddSingleton<PluginConnectCache>();
        services.AddSingleton<CrispListeningStart>();
        // The one event source RichContact:Crisp:Events chooses runs; the RTM listener is there either
        // way, for the socket:bind a website's install asks for (without a socket, it does nothing).
        services.AddSingleton<CrispRtmListener>();
        if (configuration.GetSection(CrispOptions.Section).Get<CrispOptions>()?.Events == CrispEventSource.Hooks)
            services.AddHostedService<CrispHookListener>();
        else
            services.AddHostedService(sp => sp.GetRequiredService<CrispRtmListener>());
        services.AddSingleton(sp => new WebsiteInstallFollowUp(sp.GetRequiredService<SubscribedWebsites>(),
            sp.GetRequiredService<CrispRtmListener>().BindAsync, sp.GetRequiredService<ILogger<WebsiteInstallFollowUp>>()));
        services.AddHostedService(sp => sp.GetRequiredService<WebsiteInstallFollowUp>());
        return services;
    }

    /// <summary>
    /// Retries transport errors, timeouts and 5xx with exponential backoff and jitter; on 429/420
    /// (Crisp's rate limits) waits what <c>Retry-After</c> says when present, else backs off the same way.
    /// </summary>
    internal static void ConfigureResilience(ResiliencePipelineBuilder<HttpResponseMessage> pipeline)
    {
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = 4,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(200),
            MaxDelay = TimeSpan.FromSeconds(30),
            ShouldRetryAfterHeader = true,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
            {
                { Exception: { } error } => CrispTransientErrors.IsUnreachable(error),
                { Result: { } response } => CrispTransientErrors.IsRetryable(response.StatusCode),
                _ => false,
            }),
        });
        pipeline.AddTimeout(AttemptTimeout);
    }
}
