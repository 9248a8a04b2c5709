using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace RichContact.Sandbox.Tests;

/// <summary>A fresh sandbox on a free loopback port per test, and a REST client holding the seeded plugin credentials.</summary>
public abstract class SandboxTestBase : IAsyncLifetime
{
    protected static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    protected CrispSandbox Sandbox { get; private set; } = null!;
    protected HttpClient Rest { get; private set; } = null!;
    protected string WebsiteId => Sandbox.Options.Websites[0].Id;

    /// <summary>Options for this test class's sandbox; defaults unless overridden.</summary>
    protected virtual SandboxOptions CreateOptions() => new();

    public virtual async Task InitializeAsync()
    {
        Sandbox = await CrispSandbox.StartAsync(CreateOptions());
        Rest = CreateRestClient(Sandbox.Options.Identifier, Sandbox.Options.Key);
    }

    public virtual async Task DisposeAsync()
    {
        Rest.Dispose();
        await Sandbox.DisposeAsync();
    }

    protected HttpClient CreateRestClient(string identifier, string key, string? tier = "plugin")
    {
        var client = new HttpClient { BaseAddress = Sandbox.ApiUrl };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(identifier + ":" + key)));
        if (tier is not null)
            client.DefaultRequestHeaders.Add("X-Crisp-Tier", tier);
        return client;
    }

    protected static async Task<JsonObject> EnvelopeOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    protected async Task<(int Status, JsonObject Envelope)> SendAsync(HttpMethod method, string path, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await Rest.SendAsync(request);
        return ((int)response.StatusCode, await EnvelopeOf(response));
    }

    protected Task<(int Status, JsonObject Envelope)> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    /// <summary>A Crisp error: the status, <c>error: true</c> and the reason in the envelope.</summary>
    protected static void AssertCrispError((int Status, JsonObject Envelope) answer, int status, string reason)
    {
        Assert.Equal(status, answer.Status);
        Assert.True(answer.Envelope["error"]!.GetValue<bool>());
        Assert.Equal(reason, answer.Envelope["reason"]!.GetValue<string>());
    }

    /// <summary>Polls a condition that the sandbox reaches asynchronously; fails the test if it never does.</summary>
    protected static Task Eventually(Func<Task<bool>> condition, string what) => RichContact.Testing.Eventually.TrueAsync(condition, what, Timeout);
}
