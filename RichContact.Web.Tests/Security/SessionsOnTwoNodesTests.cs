using System.Net;
using System.Text.Json;
using Npgsql;
using RichContact.Engine.Storage;
using RichContact.Testing;
using RichContact.Web.Auth;
using RichContact.Web.Tests.Browser;

namespace RichContact.Web.Tests.Security;

/// <summary>
/// The web app twice on one real PostgreSQL database, as two nodes behind a load balancer: one admin
/// password and one set of cookie keys for both, and a new password on one ends every session on the
/// other. Copies are kept for an hour here (<c>RichContact:Storage:CopyLifetimeSeconds</c>): only the
/// notification can make the other node drop its copy of the password.
/// </summary>
public sealed class SessionsOnTwoNodesTests : IAsyncLifetime
{
    private const string FirstPassword = "first password of the owner";

    private readonly TempDataDirectory _dataA = new();
    private readonly TempDataDirectory _dataB = new();
    private readonly List<RichContactApp> _apps = [];
    private readonly List<HttpClient> _clients = [];
    private PostgresDatabase _database = null!;

    public async Task InitializeAsync() => _database = await PostgresDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        _clients.ForEach(c => c.Dispose());
        foreach (var app in Enumerable.Reverse(_apps))
            await app.DisposeAsync();
        await _database.DisposeAsync();
        _dataA.Dispose();
        _dataB.Dispose();
    }

    [Fact]
    public async Task A_new_password_generated_on_one_node_ends_the_sessions_of_the_other_node()
    {
        var a = Start("node-a", _dataA);
        // The generated password is printed, not known here: store one the test knows, as a restore would.
        await StoreAsync(JsonSerializer.Serialize(PasswordHash.Create(FirstPassword)));
        var b = Start("node-b", _dataB);

        var session = LoginForm.SessionCookie(await LoginForm.PostAsync(Client(b), FirstPassword));
        Assert.NotNull(session);
        // One password and one key ring: the session works on either node.
        Assert.Equal(HttpStatusCode.OK, (await LoginForm.GetWithSessionAsync(Client(a), "/activity", session)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LoginForm.GetWithSessionAsync(Client(b), "/activity", session)).StatusCode);

        // The README's recovery, on node A: delete the stored hash and restart, a new password is generated.
        _apps.Remove(a);
        await a.DisposeAsync();
        await StoreAsync(null);
        var restarted = Start("node-a", _dataA);
        Assert.Equal(HttpStatusCode.OK, (await Client(restarted).GetAsync("/login")).StatusCode);

        await Eventually.TrueAsync(async () => (await LoginForm.GetWithSessionAsync(Client(b), "/activity", session)).StatusCode == HttpStatusCode.Redirect,
            "node B to end the session made with the old password", TimeSpan.FromSeconds(10));
        Assert.Null(LoginForm.SessionCookie(await LoginForm.PostAsync(Client(b), FirstPassword)));
    }

    private RichContactApp Start(string node, TempDataDirectory data)
    {
        var app = new RichContactApp("https://app.crisp.chat", data);
        app.Settings["RichContact:Admin:Password"] = "";
        app.Settings["RichContact:NodeName"] = node;
        app.Settings["RichContact:Sandbox:Enabled"] = "false";
        app.Settings["RichContact:Storage:CopyLifetimeSeconds"] = "3600";
        app.Settings["RichContact:Admin:KeyProtection"] = "secret:the two nodes' shared key protection secret, never in the database";
        foreach (var (key, value) in _database.EngineSettings)
            app.Settings[key] = value;
        app.StartServer();
        _apps.Add(app);
        return app;
    }

    /// <summary>Writes (or, with null, deletes) the stored hash by hand, as an operator with psql would: no node is told.</summary>
    private async Task StoreAsync(string? hash)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(hash is null
            ? "DELETE FROM node_state WHERE name = $1"
            : "UPDATE node_state SET value = $2 WHERE name = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = DataDirectory.AdminAccountFileName });
        if (hash is not null)
            command.Parameters.Add(new NpgsqlParameter { Value = hash });
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private HttpClient Client(RichContactApp app)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.BaseUrl };
        _clients.Add(client);
        return client;
    }
}
