using System.Globalization;
using System.Text.RegularExpressions;

namespace RichContact.Web.Tests.Support;

/// <summary>Reads what <c>/metrics</c> answers, as Prometheus would, so tests need not know the order of labels.</summary>
public static partial class PrometheusText
{
    public static IReadOnlyList<PrometheusSample> Parse(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.StartsWith('#'))
            .Select(line => SampleLine().Match(line))
            .Where(match => match.Success)
            .Select(match => new PrometheusSample(match.Groups["name"].Value,
                LabelPair().Matches(match.Groups["labels"].Value).ToDictionary(l => l.Groups["key"].Value, l => Unescape(l.Groups["value"].Value)),
                double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture)))
            .ToList();

    /// <summary>The samples of <paramref name="name"/> whose labels include every one given.</summary>
    public static IReadOnlyList<PrometheusSample> Samples(this IReadOnlyList<PrometheusSample> samples, string name, params (string Key, string Value)[] labels) =>
        samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out var value) && value == l.Value)).ToList();

    private static string Unescape(string value) => value.Replace("\\\"", "\"").Replace("\\n", "\n").Replace("\\\\", "\\");

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)(\s+\d+)?$")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"(?<key>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>(?:[^""\\]|\\.)*)""")]
    private static partial Regex LabelPair();
}
