using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace RichContact.Engine.Storage;

internal static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="StorageOptions"/> bound from <c>RichContact:Storage</c>, and <see cref="DataDirectoryOptions"/>
    /// from <c>RichContact:DataDirectory</c>, validated at start.
    /// </summary>
    public static IServiceCollection AddStorageOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<DataDirectoryOptions, DataDirectoryOptionsValidator>(configuration, DataDirectoryOptions.Section);
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        return services;
    }
}
