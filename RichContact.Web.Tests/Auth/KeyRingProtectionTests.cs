using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Npgsql;
using Microsoft.Extensions.Options;
using RichContact.Engine.Storage;
using RichContact.Testing;
using RichContact.Web.Tests.Browser;
using RichContact.Web.Tests.Security;

namespace RichContact.Web.Tests.Auth;

/// <summary>
/// What a copy of the stored data opens: the login cookie's keys are stored encrypted under a secret
/// kept elsewhere (by default <c>keys.secret</c>, apart from <c>keys/</c> and the databases).
/// </summary>
public sealed class KeyRingProtectionTests : IDisposable
{
    private readonly TempDataDirectory _data = new();
    private readonly TempDataDirectory _copy = new();
    private readonly List<HttpClient> _clients = [];
    private readonly List<TempDataDirectory> _others = [];

    public void Dispose()
    {
        _clients.ForEach(c => c.Dispose());
        _data.Dispose();
        _copy.Dispose();
        _others.ForEach(d => d.Dispose());
    }

    [Fact]
    public async Task A_copy_of_the_data_directory_without_the_key_cannot_decrypt_a_login_cookie()
    {
        string session;
        await using (var app = Start(_data))
        {
            session = LoginForm.SessionCookie(await LoginForm.PostAsync(Client(app), RichContactApp.AdminPassword))!;
            Assert.Equal(HttpStatusCode.OK, (await LoginForm.GetWithSessionAsync(Client(app), "/activity", session)).StatusCode);
        }
        // Every key is stored encrypted: no key material in the clear in keys/.
        var keyFiles = Directory.GetFiles(Path.Combine(_data.Path, DataDirectory.KeysDirectoryName), "*.xml");
        Assert.NotEmpty(keyFiles);
        Assert.All(keyFiles, f => Assert.DoesNotContain(XDocument.Load(f).Descendants(), e => e.Name.LocalName == "masterKey"));

        // The databases, admin.json and keys/ — everything but the key.
        CopyDirectory(_data.Path, _copy.Path, except: DataDirectory.KeyProtectionFileName);
        await using (var copied = Start(_copy))
        {
            var refused = await LoginForm.GetWithSessionAsync(Client(copied), "/activity", session);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("/login", refused.Headers.Location!.PathAndQuery);
        }

        // With its key the same directory still honours the login: the key, not the copy, made the difference.
        await using var original = Start(_data);
        Assert.Equal(HttpStatusCode.OK, (await LoginForm.GetWithSessionAsync(Client(original), "/activity", session)).StatusCode);
    }

    [Fact]
    public async Task Another_secret_cannot_decrypt_a_login_cookie_made_under_the_configured_one()
    {
        string session;
        await using (var app = Start(_data, "secret:" + new string('a', 40)))
            session = LoginForm.SessionCookie(await LoginForm.PostAsync(Client(app), RichContactApp.AdminPassword))!;

        await using (var wrong = Start(_data, "secret:" + new string('b', 40)))
            Assert.Equal(HttpStatusCode.Redirect, (await LoginForm.GetWithSessionAsync(Client(wrong), "/activity", session)).StatusCode);

        await using var right = Start(_data, "secret:" + new string('a', 40));
        Assert.Equal(HttpStatusCode.OK, (await LoginForm.GetWithSessionAsync(Client(right), "/activity", session)).StatusCode);
    }

    [Fact]
    public async Task A_certificates_key_ring_opens_only_with_that_certificates_private_key()
    {
        var certificate = CertificateFile(_copy.Path, "one.pem");
        var another = CertificateFile(_copy.Path, "another.pem");
        string session;
        await using (var app = Start(_data, "certificate:" + certificate))
            session = LoginForm.SessionCookie(await LoginForm.PostAsync(Client(app), RichContactApp.AdminPassword))!;
        Assert.All(Directory.GetFiles(Path.Combine(_data.Path, DataDirectory.KeysDirectoryName), "*.xml"),
            f => Assert.Contains("wrappedKey", File.ReadAllText(f)));

        await using (var wrong = Start(_data, "certificate:" + another))
            Assert.Equal(HttpStatusCode.Redirect, (await LoginForm.GetWithSessionAsync(Client(wrong), "/activity", session)).StatusCode);

        await using var right = Start(_data, "certificate:" + certificate);
        Assert.Equal(HttpStatusCode.OK, (await LoginForm.GetWithSessionAsync(Client(right), "/activity", session)).StatusCode);
    }

    /// <summary>A self-signed RSA certificate and its private key in one PEM file, as an operator would make with openssl.</summary>
    private static string CertificateFile(string directory, string name)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Rich Contact key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, certificate.ExportCertificatePem() + "\n" + rsa.ExportPkcs8PrivateKeyPem() + "\n");
        return path;
    }

    [Fact]
    public async Task A_copy_of_the_postgresql_database_without_the_secret_cannot_decrypt_a_login_cookie()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        const string secret = "secret:the nodes' key protection secret, kept apart";
        string session;
        await using (var node = Start(new TempDataDirectory(), secret, database))
            session = LoginForm.SessionCookie(await LoginForm.PostAsync(Client(node), RichContactApp.AdminPassword))!;
        await using (var database2 = new NpgsqlConnection(database.ConnectionString))
        {
            await database2.OpenAsync();
            var stored = (string)(await new NpgsqlCommand("SELECT string_agg(xml, '') FROM data_protection_keys", database2).ExecuteScalarAsync())!;
            Assert.DoesNotContain("masterKey", stored);
        }

        // The database, read by a node that does not have the secret (an attacker's, with a dump).
        await using (var thief = Start(new TempDataDirectory(), "secret:" + new string('z', 40), database))
            Assert.Equal(HttpStatusCode.Redirect, (await LoginForm.GetWithSessionAsync(Client(thief), "/activity", session)).StatusCode);

        // Another node with the secret, on another data directory: the login works there.
        await using var other = Start(new TempDataDirectory(), secret, database);
        Assert.Equal(HttpStatusCode.OK, (await LoginForm.GetWithSessionAsync(Client(other), "/activity", session)).StatusCode);
    }

    [Fact]
    public async Task Keys_an_earlier_version_stored_in_the_clear_are_revoked_at_start()
    {
        // What an earlier version left: the same application's keys, written without an encryptor.
        var keys = new DirectoryInfo(Path.Combine(_data.Path, DataDirectory.KeysDirectoryName));
        DataProtectionProvider.Create(keys, builder => builder.SetApplicationName("RichContact")).CreateProtector("earlier").Protect("a login");
        var inTheClear = Assert.Single(keys.GetFiles("key-*.xml"));
        Assert.Contains("masterKey", File.ReadAllText(inTheClear.FullName));

        await using var app = Start(_data);

        var key = Assert.Single(app.Get<IKeyManager>().GetAllKeys(), k => inTheClear.Name.Contains(k.KeyId.ToString()));
        Assert.True(key.IsRevoked);
        Assert.Contains(app.Logs.Lines, l => l.Contains($"Revoked login cookie key {key.KeyId}"));
        // Logins go on with a new key, stored encrypted.
        Assert.NotNull(LoginForm.SessionCookie(await LoginForm.PostAsync(Client(app), RichContactApp.AdminPassword)));
        Assert.All(keys.GetFiles("key-*.xml").Where(f => f.Name != inTheClear.Name), f => Assert.DoesNotContain("masterKey", File.ReadAllText(f.FullName)));
    }

    [Fact]
    public void On_postgresql_without_a_key_protection_the_app_refuses_to_start()
    {
        using var app = new RichContactApp("https://app.crisp.chat", _data);
        app.Settings["RichContact:Storage:Provider"] = "postgres";
        app.Settings["RichContact:Storage:ConnectionString"] = "Host=127.0.0.1;Port=1;Database=none;Username=none";

        var error = Assert.ThrowsAny<Exception>(app.StartServer);

        var validation = Assert.IsType<OptionsValidationException>(error is AggregateException { InnerExceptions: [var inner] } ? inner : error);
        Assert.Contains("RichContact:Admin:KeyProtection must be set with RichContact:Storage:Provider=postgres", validation.Message);
    }

    private RichContactApp Start(TempDataDirectory data, string? keyProtection = null, PostgresDatabase? database = null)
    {
        if (data != _data)
            _others.Add(data);
        var app = new RichContactApp("https://app.crisp.chat", data);
        if (keyProtection is not null)
            app.Settings["RichContact:Admin:KeyProtection"] = keyProtection;
        foreach (var (key, value) in database?.EngineSettings ?? new Dictionary<string, string?>())
            app.Settings[key] = value;
        app.StartServer();
        return app;
    }

    private HttpClient Client(RichContactApp app)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.BaseUrl };
        _clients.Add(client);
        return client;
    }

    private static void CopyDirectory(string from, string to, string except)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(directory.Replace(from, to));
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            if (Path.GetFileName(file) == except)
                continue;
            try
            {
                File.Copy(file, file.Replace(from, to), overwrite: true);
            }
            catch (FileNotFoundException) when (file.EndsWith("-shm", StringComparison.Ordinal) || file.EndsWith("-wal", StringComparison.Ordinal))
            {
                // hangfire.db's last connection (sqlite-net's, not in the pools cleared above) closed after
                // the listing and removed its shared-memory and log files: the database file is whole without them.
            }
        }
    }
}
