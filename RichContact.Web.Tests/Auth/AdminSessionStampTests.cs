using System.Text.Json;
using Microsoft.Extensions.Options;
using RichContact.Engine.Nodes;
using RichContact.Engine.Storage;
using RichContact.Testing;
using RichContact.Web.Auth;

namespace RichContact.Web.Tests.Auth;

/// <summary>The login cookie carries the password's stamp: whoever reads the stored hash must not be able to compute it.</summary>
public sealed class AdminSessionStampTests : IDisposable
{
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void A_generated_passwords_stamp_is_random_and_stored_beside_its_hash_not_derived_from_it()
    {
        var hash = PasswordHash.Create("a generated password of the owner");
        Assert.NotNull(hash.Stamp);

        // The same stored hash with two stamps: two different session stamps, so none follows from the hash.
        Assert.Equal(hash.Stamp, StampWith(hash));
        var other = hash with { Stamp = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)) };
        Assert.Equal(other.Stamp, StampWith(other));
        Assert.NotEqual(StampWith(hash), StampWith(other));
    }

    private string StampWith(PasswordHash stored)
    {
        File.WriteAllText(Path.Combine(_data.Path, DataDirectory.AdminAccountFileName), JsonSerializer.Serialize(stored));
        return new AdminAccount(Options.Create(new AdminOptions()), NodeState.InDataDirectory(new DataDirectory(_data.Path)), new ProcessStateChanges(), TimeProvider.System).SecurityStamp();
    }
}
