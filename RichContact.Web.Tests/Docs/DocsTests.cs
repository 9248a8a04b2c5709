using System.Text.RegularExpressions;
using RichContact.Web.Tests.Support;

namespace RichContact.Web.Tests.Docs;

/// <summary>
/// The README, the docs/ pages, RELIABILITY.md and BENCHMARKS.md, read as a reader follows them:
/// every link and heading they point at exists, CI runs the README's test command, every screenshot
/// is one the browser tests take, and every test RELIABILITY.md cites is in the repository.
/// </summary>
public sealed partial class DocsTests
{
    [GeneratedRegex(@"^```.*?^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"^#+ (.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"DocsScreenshots\.SaveAsync\([^;]*?""([\w.-]+\.png)""")]
    private static partial Regex ScreenshotTaken();

    [GeneratedRegex(@"`([A-Z]\w*Tests)(?:\.([A-Za-z_]\w*))?`")]
    private static partial Regex CitedTest();

    private static string Root => RepositoryPaths.Root;

    /// <summary>Every page, by its path relative to the repository's root.</summary>
    private static Dictionary<string, string> Pages() =>
        new[] { "README.md", "RELIABILITY.md", "BENCHMARKS.md" }
            .Concat(Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Select(path => Path.GetRelativePath(Root, path)))
            .ToDictionary(path => path.Replace('\\', '/'), path => File.ReadAllText(Path.Combine(Root, path)));

    /// <summary>GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens.</summary>
    private static string Anchor(string heading) =>
        new string(heading.Trim().ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c is '-' or '_' or ' ').ToArray()).Replace(' ', '-');

    private static HashSet<string> Anchors(string page) =>
        Heading().Matches(CodeBlock().Replace(page, "")).Select(m => Anchor(m.Groups[1].Value)).ToHashSet();

    [Fact]
    public void Every_relative_link_in_the_docs_points_at_a_file_and_heading_that_exist()
    {
        var pages = Pages();
        var broken = new List<string>();
        foreach (var (path, text) in pages)
        {
            foreach (Match link in Link().Matches(CodeBlock().Replace(text, "")))
            {
                var target = link.Groups[1].Value;
                if (target.StartsWith("http://", StringComparison.Ordinal) || target.StartsWith("https://", StringComparison.Ordinal))
                    continue;
                var hash = target.IndexOf('#');
                var file = hash < 0 ? target : target[..hash];
                var anchor = hash < 0 ? null : target[(hash + 1)..];
                var resolved = file.Length == 0
                    ? path
                    : Path.GetRelativePath(Root, Path.GetFullPath(Path.Combine(Root, Path.GetDirectoryName(path)!, file))).Replace('\\', '/');
                if (!File.Exists(Path.Combine(Root, resolved)))
                    broken.Add($"{path}: {target} (no such file)");
                else if (anchor is not null && pages.TryGetValue(resolved, out var linked) && !Anchors(linked).Contains(anchor))
                    broken.Add($"{path}: {target} (no such heading)");
            }
        }
        Assert.True(broken.Count == 0, "Broken links:\n" + string.Join('\n', broken));
    }

    [Fact]
    public void Ci_runs_the_test_command_the_readme_gives()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        var ci = File.ReadAllLines(Path.Combine(Root, ".ci", "run")).Select(line => line.Trim());

        Assert.Contains("```sh\ndotnet run --project RichContact.Web\n```", readme);
        Assert.Contains("```sh\n./test.sh\n```", readme);
        Assert.Contains("./test.sh", ci);
    }

    [Fact]
    public void Every_screenshot_in_the_docs_is_taken_by_the_browser_tests_and_shown_by_a_page()
    {
        var taken = Directory.GetFiles(Path.Combine(Root, "RichContact.Web.Tests"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => ScreenshotTaken().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
            .ToHashSet();
        var shown = string.Concat(Pages().Values);

        foreach (var image in Directory.GetFiles(Path.Combine(Root, "docs"), "*.png").Select(Path.GetFileName))
        {
            // "x-before.png": the same test's "x.png", taken on the code before a change, to compare.
            var takenAs = image!.EndsWith("-before.png", StringComparison.Ordinal) ? image[..^"-before.png".Length] + ".png" : image;
            Assert.True(taken.Contains(takenAs), $"docs/{image} is not taken by any browser test (DocsScreenshots.SaveAsync)");
            Assert.True(shown.Contains(image!, StringComparison.Ordinal), $"docs/{image} is shown by no page");
        }
    }

    /// <summary>The sources declaring a test class and the classes it derives from (a scenario run under several readings).</summary>
    private static List<string> Declaring(List<string> sources, string type)
    {
        var declaring = sources.Where(source => Regex.IsMatch(source, $@"\bclass {type}\b")).ToList();
        var bases = declaring
            .Select(source => Regex.Match(source, $@"\bclass {type}\s*:\s*(\w+)"))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .ToList();
        return declaring.Concat(bases.SelectMany(baseType => Declaring(sources, baseType))).ToList();
    }

    [Fact]
    public void Every_test_reliability_cites_is_in_the_repository()
    {
        var sources = Directory.GetDirectories(Root, "RichContact.*Tests")
            .SelectMany(project => Directory.GetFiles(project, "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .ToList();
        var reliability = File.ReadAllText(Path.Combine(Root, "RELIABILITY.md"));

        var missing = new List<string>();
        foreach (Match cited in CitedTest().Matches(reliability))
        {
            var type = cited.Groups[1].Value;
            var method = cited.Groups[2].Success ? cited.Groups[2].Value : null;
            var declaring = Declaring(sources, type);
            if (declaring.Count == 0)
                missing.Add(cited.Value);
            else if (method is not null && !declaring.Any(source => Regex.IsMatch(source, $@"\b{method}\(")))
                missing.Add(cited.Value);
        }
        Assert.NotEmpty(CitedTest().Matches(reliability));
        Assert.True(missing.Count == 0, "RELIABILITY.md cites tests that do not exist:\n" + string.Join('\n', missing.Distinct()));
    }
}
