using System.Reflection;
using System.Text.RegularExpressions;
using NetArchTest.Rules;
using RichContact.Engine.Storage;

namespace RichContact.Engine.Tests.Architecture;

/// <summary>
/// The engine's folder rules (docs/architecture.md), checked on the compiled engine: what a type's
/// code uses (its fields, signatures, method bodies, nested types and lambdas), not what its comments say.
/// </summary>
public sealed class FolderRulesTests
{
    private const string Engine = "RichContact.Engine";

    /// <summary>The ground floor and the adapter: every other folder of the engine is a feature.</summary>
    private static readonly string[] NotFeatures = ["Storage", "Nodes", "Memory", "Crisp"];

    /// <summary>The journey's stages, folders of Contacts/, in the order docs/architecture.md tells them.</summary>
    private static readonly string[] Stages = ["Events", "Window", "Scheduling", "Job", "Dedup", "Mends"];

    /// <summary>
    /// The exceptions: an earlier stage's types that a later stage may use, each with the reason. The
    /// work flows forward (events to the window, to the job's schedule, to the job, to the search);
    /// what a stage learns of a conversation is kept where it is learnt and read by the stages after.
    /// Any other use of an earlier stage fails the test.
    /// </summary>
    private static readonly (string Type, string Why)[] SharedBackwards =
    [
        ("ConversationKey", "Window: the conversation's identity, which every stage after it is keyed by"),
        ("TrackedConversation", "Window: what is known of the conversation, handed to its schedule and its job"),
        ("HeardConversations", "Window: what the window heard of the conversation (its start, its removal), read by the job"),
        ("VisitorDetailsStore", "Window: the details gathered during the window, read by the job and by a mend"),
        ("ContactJobOptions", "Scheduling: the contact jobs' timings, among them how often the job tries a create on a website Crisp limits"),
        ("ContactIdentity", "Dedup: a mend compares the person's email as the search does"),
        ("DedupMode", "Dedup: a mend replaces a placeholder only when Crisp's search is known to work"),
        ("PhoneSearch", "Dedup: how Crisp answers the phone filter, part of that DedupMode"),
    ];

    private static readonly Assembly EngineAssembly = typeof(DataDirectory).Assembly;

    [Fact]
    public void Crisp_references_no_feature()
    {
        var result = Types.InAssembly(EngineAssembly)
            .That().ResideInNamespace($"{Engine}.Crisp")
            .ShouldNot().HaveDependencyOnAny(FeatureNamespaces())
            .GetResult();

        Assert.True(result.IsSuccessful, "Crisp/ uses a feature: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Storage_names_no_feature()
    {
        var result = Types.InAssembly(EngineAssembly)
            .That().ResideInNamespace($"{Engine}.Storage")
            .ShouldNot().HaveDependencyOnAny(FeatureNamespaces())
            .GetResult();

        // Nor do its comments point at one: Storage/ is read without knowing any feature. Migrations are
        // EF Core's output, which names the entities' types.
        var naming = new Regex($@"\b({Engine}\.)?({string.Join('|', FeatureFolders())})\.[A-Z]");
        var named = SourceFiles("Storage")
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, line, i)))
            .Where(l => l.line.TrimStart().StartsWith("using ", StringComparison.Ordinal) ? IsFeatureUsing(l.line) : naming.IsMatch(l.line))
            .Select(l => $"{Path.GetFileName(l.f)}:{l.i + 1}")
            .ToList();
        Assert.True(result.IsSuccessful && named.Count == 0,
            $"Storage/ uses a feature: {string.Join(", ", result.FailingTypeNames ?? [])}; names one: {string.Join(", ", named)}");
    }

    [Fact]
    public void Journey_stages_depend_only_forward_in_reading_order()
    {
        var stageOf = StageOfEachType();
        Assert.True(stageOf.Count > 30, "the journey's types were not found in Contacts/'s folders");

        var types = Types.InAssembly(EngineAssembly);
        var backwards = new List<string>();
        for (var later = 1; later < Stages.Length; later++)
        {
            var inLater = stageOf.Where(t => t.Value == Stages[later]).Select(t => t.Key).ToList();
            foreach (var (earlierType, earlierStage) in stageOf.Where(t => Array.IndexOf(Stages, t.Value) < later))
            {
                if (SharedBackwards.Any(e => e.Type == earlierType))
                    continue;
                backwards.AddRange(UsersOf(types, inLater, earlierType).Select(u => $"{u} ({Stages[later]}) uses {earlierType} ({earlierStage})"));
            }
        }

        Assert.True(backwards.Count == 0, "A stage uses an earlier one:\n" + string.Join("\n", backwards));
    }

    [Fact]
    public void Only_scheduling_talks_to_Hangfire_in_the_journey()
    {
        var stageOf = StageOfEachType();
        var others = stageOf.Where(t => t.Value != "Scheduling").Select(t => t.Key).ToList();

        var users = Types.InAssembly(EngineAssembly)
            .That().ResideInNamespace($"{Engine}.Contacts")
            .And().HaveNameMatching($"^({string.Join('|', others.Select(Regex.Escape))})(`\\d+)?$")
            .ShouldNot().HaveDependencyOn("Hangfire")
            .GetResult().FailingTypeNames ?? [];

        Assert.True(others.Count > 30, "the journey's types were not found in Contacts/'s folders");
        Assert.True(users.Count == 0, "Only Contacts/Scheduling may use Hangfire; these do: " + string.Join(", ", users));
    }

    [Fact]
    public void Every_stated_exception_is_used_by_a_later_stage()
    {
        var stageOf = StageOfEachType();
        var types = Types.InAssembly(EngineAssembly);
        var unused = SharedBackwards
            .Where(e => !stageOf.TryGetValue(e.Type, out var stage)
                || !UsersOf(types, stageOf.Where(t => Array.IndexOf(Stages, t.Value) > Array.IndexOf(Stages, stage)).Select(t => t.Key), e.Type).Any())
            .Select(e => e.Type)
            .ToList();

        Assert.True(unused.Count == 0, "Exceptions no later stage needs any more, remove them: " + string.Join(", ", unused));
    }

    /// <summary>
    /// The stages share the namespace RichContact.Engine.Contacts, so a type's stage is its folder:
    /// that of the file named after it (the build allows one type per file, named after it).
    /// </summary>
    private static Dictionary<string, string> StageOfEachType() =>
        Stages.SelectMany(stage => SourceFiles(Path.Combine("Contacts", stage))
                .Select(f => (Type: Path.GetFileNameWithoutExtension(f), Stage: stage)))
            .ToDictionary(t => t.Type, t => t.Stage);

    /// <summary>Which of the journey's types <paramref name="among"/> use <paramref name="type"/> (a nested type's or a lambda's use counts as its outer type's).</summary>
    private static IEnumerable<string> UsersOf(Types types, IEnumerable<string> among, string type) =>
        (types.That().ResideInNamespace($"{Engine}.Contacts")
            .And().HaveNameMatching($"^({string.Join('|', among.Select(Regex.Escape))})(`\\d+)?$")
            .ShouldNot().HaveDependencyOn($"{Engine}.Contacts.{type}")
            .GetResult().FailingTypeNames ?? [])
        .Select(name => name[(name.LastIndexOf('.') + 1)..]);

    private static string[] FeatureFolders() =>
        EngineAssembly.GetTypes()
            .Select(t => t.Namespace)
            .OfType<string>()
            .Where(ns => ns.StartsWith(Engine + ".", StringComparison.Ordinal))
            .Select(ns => ns[(Engine.Length + 1)..].Split('.')[0])
            .Where(folder => !NotFeatures.Contains(folder))
            .Distinct()
            .ToArray();

    private static string[] FeatureNamespaces() => FeatureFolders().Select(f => $"{Engine}.{f}").ToArray();

    private static bool IsFeatureUsing(string line) =>
        FeatureNamespaces().Any(ns => Regex.IsMatch(line, $@"\busing\s+{Regex.Escape(ns)}(\.|;)"));

    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(Path.Combine(EngineSource(), folder), "*.cs", SearchOption.AllDirectories);

    private static string EngineSource()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RichContact.sln")))
                return Path.Combine(dir.FullName, Engine);
        }
        throw new InvalidOperationException("RichContact.sln not found above " + AppContext.BaseDirectory);
    }
}
