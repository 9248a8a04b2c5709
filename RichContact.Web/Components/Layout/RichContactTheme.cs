using MudBlazor;

namespace RichContact.Web.Components.Layout;

/// <summary>
/// The portal's and the settings page's colours: MudBlazor's defaults, darkened where their text fell
/// below WCAG AA contrast (4.5:1) on white and on the light tints alerts and chips lay under it
/// (orange on cream, light green and blue chips, grey helper text). Every value here keeps at least
/// 4.5:1 on white and on its own 8 % tint; the browser tests' axe check holds the pages to it.
/// </summary>
public static class RichContactTheme
{
    public static MudTheme Light { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#594ae2",
            Secondary = "#c2185b",
            Info = "#1565c0",
            Success = "#1b6e20",
            Warning = "#a64f00",
            Error = "#c62828",
            // 0.54 black (MudBlazor's) is 4.6:1 on white and less on a grey row: 0.65 is 7:1.
            TextSecondary = "rgba(0,0,0,0.65)",
            ActionDisabled = "rgba(0,0,0,0.45)",
        },
    };
}
