using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using RichContact.Sandbox;

namespace RichContact.Bench;

/// <summary>
/// The Crisp the engine talks to: a sandbox hosted in-process, or one already running elsewhere on
/// this machine (started with its seeded identity, e.g. <c>dotnet run --project RichContact.Sandbox</c>).
/// </summary>
public sealed class CrispTarget : IAsyncDisposable
{
    private readonly CrispSandbox? _inProcess;
    private readonly HttpClient _http;

    private CrispTarget(CrispSandbox? inProcess, Uri url, SandboxOptions options)
    {
        _inProcess = inProcess;
        _http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
        Control = new SandboxControl(_http);
        ApiUrl = new Uri(url, "v1/");
        Identifier = options.Identifier;
        Key = options.Key;
        SeededWebsites = options.Websites.Select(w => w.Id).ToList();
    }

    public bool InProcess => _inProcess is not null;
    public SandboxControl Control { get; }
    public Uri ApiUrl { get; }
    public string Identifier { get; }
    public string Key { get; }
    public IReadOnlyList<string> SeededWebsites { get; }

    /// <summary>An external sandbox keeps the <see cref="SandboxOptions.PhonelessIdentity"/> it was started with.</summary>
    public static async Task<CrispTarget> StartAsync(Uri? external, string phonelessIdentity, CancellationToken ct)
    {
        if (external is not null)
            return new CrispTarget(null, external, new SandboxOptions());
        var sandbox = await CrispSandbox.StartAsync(new SandboxOptions { PhonelessIdentity = phonelessIdentity }, "http://127.0.0.1:0", ct);
        return new CrispTarget(sandbox, sandbox.Url, sandbox.Options);
    }

    /// <summary>Seeded websites first, then as many newly subscribed ones as needed to reach <paramref name="count"/>.</summary>
    public async Task<IReadOnlyList<string>> WebsitesAsync(int count, CancellationToken ct)
    {
        var websites = SeededWebsites.Take(count).ToList();
        while (websites.Count < count)
            websites.Add((await Control.SubscribeWebsiteAsync(new SubscribeWebsiteRequest { Name = "Bench " + websites.Count }, ct)).WebsiteId);
        return websites;
    }

    /// <summary>
    /// When the conversation's first message left the sandbox (its clock, ms): read over REST, like
    /// Crisp's <c>first_message_at</c>. Called after the run's request counts were taken.
    /// </summary>
    public async Task<long?> FirstMessageAtAsync(string websiteId, string sessionId, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(ApiUrl, $"website/{Uri.EscapeDataString(websiteId)}/conversation/{Uri.EscapeDataString(sessionId)}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Identifier + ":" + Key)));
        request.Headers.Add("X-Crisp-Tier", "plugin");
        using var response = await _http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
            return null;
        var envelope = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct));
        return envelope?["data"]?["first_message_at"]?.GetValue<long?>();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (_inProcess is not null)
            await _inProcess.DisposeAsync();
    }
}
