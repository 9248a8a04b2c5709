using System.Reflection;
using System.Runtime.CompilerServices;
using NetArchTest.Rules;
using RichContact.Engine.Storage;

namespace RichContact.Web.Tests.Architecture;

/// <summary>The web app reaches the engine only through the engine's public surface (docs/architecture.md).</summary>
public sealed class EngineSurfaceTests
{
    private static readonly Assembly EngineAssembly = typeof(DataDirectory).Assembly;

    [Fact]
    public void Engine_shows_its_internals_to_its_tests_only()
    {
        // The test projects, and RichContact.Testing, which they share.
        var shownTo = EngineAssembly.GetCustomAttributes<InternalsVisibleToAttribute>()
            .Select(a => a.AssemblyName)
            .Where(name => !name.EndsWith(".Tests", StringComparison.Ordinal) && name != "RichContact.Testing")
            .ToList();

        Assert.True(shownTo.Count == 0, "The engine shows its internals to: " + string.Join(", ", shownTo));
    }

    [Fact]
    public void Web_uses_no_internal_type_of_the_engine()
    {
        var internals = EngineAssembly.GetTypes()
            .Where(t => !t.IsNested && !t.IsPublic && t.Namespace?.StartsWith("RichContact.Engine", StringComparison.Ordinal) == true)
            .Select(t => t.FullName!)
            .ToArray();
        Assert.NotEmpty(internals);

        var result = Types.InAssembly(typeof(WebServiceCollectionExtensions).Assembly)
            .ShouldNot().HaveDependencyOnAny(internals)
            .GetResult();

        Assert.True(result.IsSuccessful, "RichContact.Web uses the engine's internals: " + string.Join(", ", result.FailingTypeNames ?? []));
    }
}
