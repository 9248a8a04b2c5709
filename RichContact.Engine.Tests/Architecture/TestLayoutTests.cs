using System.Text.RegularExpressions;

namespace RichContact.Engine.Tests.Architecture;

/// <summary>
/// Where the tests are (docs/architecture.md): a test of one type sits in the folder mirroring that
/// type's source file, a subclass of a test class sits beside it, and a test file's namespace is its
/// folder. Checked on the files of the three test projects, as a reader finds them: the engine's
/// Contacts/ stages share one namespace, so a type's place is the folder of the file named after it
/// (the build allows one type per file, named after it).
/// </summary>
public sealed partial class TestLayoutTests
{
    /// <summary>Each test project and the production project it tests.</summary>
    private static readonly (string Tests, string Production)[] Projects =
    [
        ("RichContact.Engine.Tests", "RichContact.Engine"),
        ("RichContact.Web.Tests", "RichContact.Web"),
        ("RichContact.Sandbox.Tests", "RichContact.Sandbox"),
    ];

    /// <summary>
    /// The exceptions: test files named after a production type that sit elsewhere, each with the
    /// reason (paths relative to the test project). Any other one out of place fails the test.
    /// </summary>
    private static readonly (string TestFile, string Why)[] Elsewhere =
    [
    ];

    [Fact]
    public void Test_of_one_type_sits_in_the_folder_of_the_types_source_file()
    {
        var misplaced = new List<string>();
        var found = 0;
        foreach (var (tests, production) in Projects)
        {
            var folderOf = SourceFiles(production, "*.cs").Concat(SourceFiles(production, "*.razor"))
                .GroupBy(f => Path.GetFileNameWithoutExtension(f.Path))
                .ToDictionary(g => g.Key, g => g.Select(f => f.Folder).Distinct().ToList());
            foreach (var test in SourceFiles(tests, "*Tests.cs"))
            {
                var type = Path.GetFileNameWithoutExtension(test.Path)[..^"Tests".Length];
                if (!folderOf.TryGetValue(type, out var folders))
                    continue;
                found++;
                if (!folders.Contains(test.Folder) && !IsStatedException(tests, test))
                    misplaced.Add($"{tests}/{Relative(test)} tests {production}/{Show(folders[0])}{type}: move it to {tests}/{Show(folders[0])}");
            }
        }

        Assert.True(found > 50, "the tests named after a production type were not found");
        Assert.True(misplaced.Count == 0, "A test of one type is not in the folder mirroring its source:\n" + string.Join("\n", misplaced));
    }

    [Fact]
    public void Subclass_of_a_test_class_sits_beside_it()
    {
        var apart = new List<string>();
        foreach (var (tests, _) in Projects)
        {
            var files = SourceFiles(tests, "*.cs").ToList();
            var folderOf = files.GroupBy(f => Path.GetFileNameWithoutExtension(f.Path)).ToDictionary(g => g.Key, g => g.First().Folder);
            foreach (var file in files)
            {
                foreach (Match derived in DerivedTestClass().Matches(File.ReadAllText(file.Path)))
                {
                    var baseClass = derived.Groups["base"].Value;
                    if (folderOf.TryGetValue(baseClass, out var folder) && folder != file.Folder)
                        apart.Add($"{tests}/{Relative(file)} runs {baseClass}'s tests again: move it to {tests}/{Show(folder)}");
                }
            }
        }

        Assert.True(apart.Count == 0, "A subclass of a test class is not beside it:\n" + string.Join("\n", apart));
    }

    [Fact]
    public void Test_files_namespace_is_its_folder()
    {
        var wrong = new List<string>();
        foreach (var (tests, _) in Projects)
        {
            foreach (var file in SourceFiles(tests, "*Tests.cs"))
            {
                var expected = file.Folder.Length == 0 ? tests : $"{tests}.{file.Folder.Replace('/', '.')}";
                var declared = FileNamespace().Match(File.ReadAllText(file.Path)).Groups["name"].Value;
                if (declared != expected)
                    wrong.Add($"{tests}/{Relative(file)}: namespace {declared}, not {expected}");
            }
        }

        Assert.True(wrong.Count == 0, "A test file's namespace is not its folder:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void Every_stated_exception_is_still_out_of_place()
    {
        var gone = Elsewhere
            .Where(e => !Projects.Any(p => File.Exists(Path.Combine(RepositoryRoot(), p.Tests, e.TestFile))))
            .Select(e => e.TestFile)
            .ToList();

        Assert.True(gone.Count == 0, "Exceptions whose file is gone or moved, remove them: " + string.Join(", ", gone));
    }

    /// <summary>A class deriving from a class whose name ends in Tests (a primary constructor's parameters may come between).</summary>
    [GeneratedRegex(@"\bclass\s+\w+(\s*\([^)]*\))?\s*:\s*(?<base>\w+Tests)\b")]
    private static partial Regex DerivedTestClass();

    [GeneratedRegex(@"^namespace\s+(?<name>[\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex FileNamespace();

    private static bool IsStatedException(string tests, (string Path, string Folder) test) =>
        Elsewhere.Any(e => Path.GetFullPath(Path.Combine(RepositoryRoot(), tests, e.TestFile)) == Path.GetFullPath(test.Path));

    /// <summary>A project's source files (not what the build writes in bin/ and obj/), with the folder each sits in, relative to the project and with '/' between folders.</summary>
    private static IEnumerable<(string Path, string Folder)> SourceFiles(string project, string pattern)
    {
        var root = Path.Combine(RepositoryRoot(), project);
        return Directory.EnumerateFiles(root, pattern, SearchOption.AllDirectories)
            .Select(f => (Path: f, Folder: Path.GetRelativePath(root, Path.GetDirectoryName(f)!).Replace(Path.DirectorySeparatorChar, '/')))
            .Select(f => f with { Folder = f.Folder == "." ? string.Empty : f.Folder })
            .Where(f => !IsBuildOutput(f.Folder));
    }

    private static bool IsBuildOutput(string folder)
    {
        var top = folder.Split('/')[0];
        return top is "bin" or "obj";
    }

    private static string Relative((string Path, string Folder) file) => Show(file.Folder) + Path.GetFileName(file.Path);

    private static string Show(string folder) => folder.Length == 0 ? string.Empty : folder + "/";

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RichContact.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("RichContact.sln not found above " + AppContext.BaseDirectory);
    }
}
