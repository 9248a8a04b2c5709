using System.ComponentModel.DataAnnotations;

namespace RichContact.Sandbox;

/// <summary>The standalone sandbox's own settings, bound from the top of its configuration (<c>--urls</c>, <c>--traffic</c>, <c>--seed</c>).</summary>
internal sealed class StandaloneOptions
{
    /// <summary>Where it listens: the first of <c>urls</c> (or <c>ASPNETCORE_URLS</c>), <see cref="Program.DefaultUrl"/> by default.</summary>
    public string? Urls { get; set; }

    /// <summary>Realistic conversations started a second; 0: none.</summary>
    [Range(0, double.MaxValue, ErrorMessage = "--traffic must be 0 or more (conversations a second).")]
    public double Traffic { get; set; }

    /// <summary>The traffic generator's seed: the same seed plays the same conversations.</summary>
    public int Seed { get; set; } = 1;

    public string Url => (string.IsNullOrEmpty(Urls) ? Program.DefaultUrl : Urls).Split(';')[0];
}
