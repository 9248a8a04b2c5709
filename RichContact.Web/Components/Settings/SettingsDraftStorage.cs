using Microsoft.JSInterop;

namespace RichContact.Web.Components.Settings;

/// <summary>
/// The browser tab's sessionStorage, for <see cref="SettingsDraft"/>s. A browser that refuses it (storage
/// blocked in a third-party frame) or a circuit that is gone only costs the draft, never the form.
/// </summary>
public sealed class SettingsDraftStorage(IJSRuntime js)
{
    public Task<string?> ReadAsync(string websiteId) => CallAsync<string?>("sessionStorage.getItem", SettingsDraft.KeyFor(websiteId));

    public Task WriteAsync(string websiteId, string draft) => CallAsync<object?>("sessionStorage.setItem", SettingsDraft.KeyFor(websiteId), draft);

    public Task RemoveAsync(string websiteId) => CallAsync<object?>("sessionStorage.removeItem", SettingsDraft.KeyFor(websiteId));

    private async Task<T?> CallAsync<T>(string identifier, params object?[] args)
    {
        try
        {
            return await js.InvokeAsync<T?>(identifier, args);
        }
        catch (Exception error) when (error is JSException or JSDisconnectedException or TaskCanceledException)
        {
            return default;
        }
    }
}
