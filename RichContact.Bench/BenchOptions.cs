using System.Globalization;
using System.Text.Json.Serialization;
using RichContact.Sandbox;
using RichContact.Sandbox.Search;

namespace RichContact.Bench;

/// <summary>What one bench run does; parsed by hand from the command line (no parser package needed).</summary>
public sealed record BenchOptions
{
    /// <summary>Conversations started in the run (all kinds, chat and email included).</summary>
    public int Conversations { get; init; } = 1000;
    /// <summary>New conversations started per second.</summary>
    public double Rate { get; init; } = 50;
    /// <summary>Websites the conversations spread over; beyond the sandbox's seeded ones, more are subscribed.</summary>
    public int Websites { get; init; } = 3;
    /// <summary>The engine's collection window, in seconds.</summary>
    public double WindowSeconds { get; init; } = 2;
    public ConversationMixKind Mix { get; init; } = ConversationMixKind.Realistic;
    /// <summary>Null: host a sandbox in-process. Otherwise the URL of a sandbox already running (seeded identity).</summary>
    public Uri? ExternalSandbox { get; init; }
    public string? JsonFile { get; init; }
    /// <summary>Where the engine's temp data directory goes (default: the system temp directory, on disk).</summary>
    public string? DataParent { get; init; }
    public bool Sweep { get; init; }
    /// <summary>Sweep: how long each rate step drives traffic.</summary>
    public double SweepStepSeconds { get; init; } = 10;
    public int Seed { get; init; } = 6;
    /// <summary>Upper bound on waiting for outcomes after the last conversation started.</summary>
    public TimeSpan OutcomeTimeout { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>Follow-up messages sent to known conversations once every outcome is in, to price them alone.</summary>
    public int FollowUps { get; init; } = 100;
    /// <summary>How the sandbox's people search answers: one reading of what Crisp leaves undocumented.</summary>
    public SearchReading Search { get; init; } = new();
    /// <summary>When every conversation's details go out relative to its first message; null: the realistic mix's own blend.</summary>
    public string? MetaOrder { get; init; }
    /// <summary>Hand-made contacts each website's CRM starts with.</summary>
    public int Crm { get; init; }
    /// <summary>
    /// Null: SQLite in the data directory. Otherwise a PostgreSQL server's connection string (its user
    /// may CREATE DATABASE): each run makes a fresh database there and drops it afterwards. Never
    /// written to the JSON (it may hold a password); <see cref="BenchResult.Storage"/> says which.
    /// </summary>
    [JsonIgnore]
    public string? Postgres { get; init; }
    /// <summary>Engine hosts in the bench process on the one PostgreSQL database, each with its own data directory and node name.</summary>
    public int Nodes { get; init; } = 1;
    /// <summary>Drop the engine's RTM socket every this many seconds while driving; null: no drops.</summary>
    public double? RtmDropEvery { get; init; }
    /// <summary>How long the sandbox refuses RTM reconnects after each drop.</summary>
    public double RtmDropSeconds { get; init; } = 1;

    /// <summary>The websites' setting of the same name (on by default, as in the product).</summary>
    public bool UnsubscribePlaceholders { get; init; } = true;
    public bool TimelineEvent { get; init; }
    /// <summary>The websites' default country for national numbers; null: none.</summary>
    public string? DefaultCountry { get; init; }
    /// <summary>The websites exclude <see cref="WorkspaceMix.ExcludedPrefix"/>.</summary>
    public bool Exclusions { get; init; }
    /// <summary>The websites give phone-less channel conversations a contact.</summary>
    public bool Phoneless { get; init; }
    /// <summary>The in-process sandbox's <see cref="SandboxOptions.PhonelessIdentity"/> reading.</summary>
    public string PhonelessIdentity { get; init; } = PhonelessIdentityReadings.StableUserId;

    /// <summary>The environment variable read when <c>--postgres</c> is not given.</summary>
    public const string PostgresVariable = "RICHCONTACT_BENCH_POSTGRES";

    public const string Usage = """
        dotnet run -c Release --project RichContact.Bench -- [options]
          --conversations N      conversations to start (default 1000)
          --rate R               new conversations per second (default 50)
          --websites W           websites to spread them over (default 3; more are subscribed)
          --window S             collection window in seconds (default 2)
          --mix realistic|all-new
          --sandbox in-process|URL   a running sandbox, e.g. http://127.0.0.1:5090 (default in-process)
          --json FILE            also write the results as JSON
          --data-parent DIR      put the engine's temp SQLite files under DIR (e.g. /dev/shm: no fsync cost)
          --sweep                raise the rate until p95 overhead > 1 s or a loss; --step-seconds S per rate
          --follow-ups N         follow-up messages priced at the end (default 100)
          --timeout S            wait at most S seconds for outcomes after the last start (default 60)
          --seed N
          --meta-order before|after|interleaved   every conversation's details at that moment (default: a blend)
          --phone-search supported|refused|ignored   what Crisp makes of the person.phone criterion
          --has substring|word   what "has" means in people search (default substring)
          --index-lag MS         a new profile shows up in search MS after its creation (default 0)
          --crm N                hand-made contacts each website's CRM starts with (default 0)
          --postgres CONNECTION  run the engine on PostgreSQL: a fresh database on that server per run, dropped
                                 after (default: $RICHCONTACT_BENCH_POSTGRES if set, else SQLite)
          --unsubscribe-placeholders on|off   the websites' setting (default on)
          --timeline-event on|off               the websites' setting (default off)
          --default-country CC|none             the websites' default country for national numbers (default none)
          --exclusions on|off                   the websites exclude the mix's staff prefix (default off)
          --phoneless on|off                    the websites give phone-less conversations a contact (default off)
          --phoneless-identity stable-user-id|conversation-only|none
                                                what the sandbox's messages carry in user.user_id (default stable-user-id)
          --nodes N              engine hosts (nodes) on that one database; one holds RTM (default 1; N > 1 needs PostgreSQL)
          --rtm-drop-every S     drop the engine's RTM socket every S seconds while driving (the sandbox's drop-sockets
                                 fault); reports each drop's catch-up calls and the conversations missed
          --rtm-drop-seconds S   how long each drop refuses reconnects (default 1)
        """;

    /// <summary>The command line; <paramref name="postgresFromEnvironment"/> (<see cref="PostgresVariable"/>) unless <c>--postgres</c> is given.</summary>
    public static BenchOptions Parse(IReadOnlyList<string> args, string? postgresFromEnvironment = null)
    {
        var options = new BenchOptions { Postgres = string.IsNullOrWhiteSpace(postgresFromEnvironment) ? null : postgresFromEnvironment };
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--conversations" => options with { Conversations = PositiveInt(Value()) },
                "--rate" => options with { Rate = PositiveDouble(Value()) },
                "--websites" => options with { Websites = PositiveInt(Value()) },
                "--window" => options with { WindowSeconds = PositiveDouble(Value()) },
                "--mix" => options with { Mix = Value() switch
                {
                    "realistic" => ConversationMixKind.Realistic,
                    "all-new" => ConversationMixKind.AllNew,
                    var other => throw new ArgumentException($"unknown mix '{other}'"),
                } },
                "--sandbox" => options with { ExternalSandbox = Value() is var s && s == "in-process" ? null : new Uri(s.TrimEnd('/') + "/") },
                "--json" => options with { JsonFile = Value() },
                "--data-parent" => options with { DataParent = Value() },
                "--sweep" => options with { Sweep = true },
                "--step-seconds" => options with { SweepStepSeconds = PositiveDouble(Value()) },
                "--follow-ups" => options with { FollowUps = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--timeout" => options with { OutcomeTimeout = TimeSpan.FromSeconds(PositiveDouble(Value())) },
                "--seed" => options with { Seed = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--phone-search" => options with { Search = Checked(options.Search with { PhoneCriterion = Value() }) },
                "--has" => options with { Search = Checked(options.Search with { Has = Value() }) },
                "--index-lag" => options with { Search = Checked(options.Search with { IndexLagMs = int.Parse(Value(), CultureInfo.InvariantCulture) }) },
                "--meta-order" => options with { MetaOrder = Value() is var order && order is MetaOrders.Before or MetaOrders.After or MetaOrders.Interleaved
                    ? order : throw new ArgumentException($"unknown meta order '{order}'") },
                "--crm" => options with { Crm = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--postgres" => options with { Postgres = Value() },
                "--nodes" => options with { Nodes = PositiveInt(Value()) },
                "--rtm-drop-every" => options with { RtmDropEvery = PositiveDouble(Value()) },
                "--rtm-drop-seconds" => options with { RtmDropSeconds = PositiveDouble(Value()) },
                "--unsubscribe-placeholders" => options with { UnsubscribePlaceholders = OnOff(Value()) },
                "--timeline-event" => options with { TimelineEvent = OnOff(Value()) },
                "--default-country" => options with { DefaultCountry = Value() is var c && c == "none" ? null : c.ToUpperInvariant() },
                "--exclusions" => options with { Exclusions = OnOff(Value()) },
                "--phoneless" => options with { Phoneless = OnOff(Value()) },
                "--phoneless-identity" => options with { PhonelessIdentity = Reading(Value()) },
                var unknown => throw new ArgumentException($"unknown option '{unknown}'"),
            };
        }
        if (options.Nodes > 1 && options.Postgres is null)
            throw new ArgumentException($"--nodes {options.Nodes} needs PostgreSQL (--postgres or {PostgresVariable}): SQLite is one process per data directory");
        return options;
    }

    private static string Reading(string text) =>
        text is PhonelessIdentityReadings.StableUserId or PhonelessIdentityReadings.ConversationOnly or PhonelessIdentityReadings.None
            ? text
            : throw new ArgumentException($"'{text}' is not a reading of user.user_id ({PhonelessIdentityReadings.StableUserId}, {PhonelessIdentityReadings.ConversationOnly} or {PhonelessIdentityReadings.None})");

    private static bool OnOff(string text) =>
        text switch { "on" => true, "off" => false, _ => throw new ArgumentException($"'{text}' is neither on nor off") };

    private static SearchReading Checked(SearchReading reading) =>
        reading.Problem() is { } problem ? throw new ArgumentException(problem) : reading;

    private static int PositiveInt(string text) =>
        int.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : throw new ArgumentException($"'{text}' is not a positive integer");

    private static double PositiveDouble(string text) =>
        double.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : throw new ArgumentException($"'{text}' is not a positive number");
}
