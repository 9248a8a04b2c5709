using System.Text;
using RichContact.Engine.Activity;
using RichContact.Engine.Storage;
using RichContact.Sandbox;

namespace RichContact.Engine.Tests.EndToEnd;

/// <summary>Design rule 1: no phone, name, email or city at rest or in logs.</summary>
public class PrivacyTests : EngineEndToEndTest
{
    private static readonly (string Origin, string Phone, string Name, string? Email, string City)[] People =
    [
        ("whatsapp", "+55 11 97531-8642", "Zacarias Quintanilha", null, "Piracicaba"),
        ("instagram", "+351 927 418 305", "Ermelinda Vasconcelos", "ermelinda.vasc@example.org", "Mirandela"),
        ("urn:aircall.io:aircall:1", "06 83 91 72 54", "Théophile Marchadier", null, "Quimperlé"),
    ];

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // a dry run handles the same data up to the create
    public async Task No_personal_data_reaches_the_data_directory_or_the_logs(bool previewOnly)
    {
        await SaveSettingsAsync(s => s with { EnrichGeolocation = true, SkipIfEmailExists = false, PreviewOnly = previewOnly });
        var sessions = new List<string>();
        foreach (var (origin, phone, name, email, city) in People)
            sessions.Add(await StartConversationAsync(origin, phone, name, email, country: origin.Contains("aircall") ? "FR" : null,
                city: city, metaOrder: MetaOrders.Interleaved));
        // A failing call is logged too: its lines must be clean as well.
        await Sandbox.Control.FaultsAsync(new SandboxFaults { RestStatus = 500, RestCount = 1 });
        var outcomes = await Task.WhenAll(sessions.Select(s => Activity.OutcomeAsync(s)));
        Assert.All(outcomes, o => Assert.Equal(previewOnly ? ActivityOutcome.WouldCreate : ActivityOutcome.Created, o.Outcome));
        Assert.Equal(previewOnly ? 0 : 3, (await ProfilesAsync()).Count); // the data really went through the engine
        await StopEngineAsync(); // flush SQLite's WAL and Hangfire's state to disk

        var secrets = People.SelectMany(p => new[]
        {
            p.Phone, Digits(p.Phone), p.Name, p.Name.Split(' ')[1], p.City, p.Email,
        }).Append("5511975318642").Append("33683917254").Append("351927418305").OfType<string>().ToList();
        var files = Directory.EnumerateFiles(Data.Path, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(files, f => f.EndsWith(DataDirectory.DatabaseFileName));
        Assert.Contains(files, f => f.EndsWith(DataDirectory.JobStorageFileName));
        foreach (var file in files)
        {
            var bytes = await File.ReadAllBytesAsync(file);
            var asUtf8 = Encoding.UTF8.GetString(bytes);
            var asUtf16 = Encoding.Unicode.GetString(bytes);
            foreach (var secret in secrets)
                Assert.False(asUtf8.Contains(secret, StringComparison.OrdinalIgnoreCase) || asUtf16.Contains(secret, StringComparison.OrdinalIgnoreCase),
                    $"{Path.GetFileName(file)} contains personal data");
        }
        Assert.NotEmpty(Logs.Lines);
        foreach (var line in Logs.Lines)
            foreach (var secret in secrets)
                Assert.False(line.Contains(secret, StringComparison.OrdinalIgnoreCase), $"a log line contains personal data: {line[..Math.Min(line.Length, 120)]}");
    }

    private static string Digits(string phone) => new(phone.Where(char.IsAsciiDigit).ToArray());
}
