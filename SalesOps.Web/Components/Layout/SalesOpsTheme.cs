using MudBlazor;

namespace SalesOps.Web.Components.Layout;

public static class SalesOpsTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1565C0",
            Secondary = "#00897B",
            Tertiary = "#F4511E",
            AppbarBackground = "#0D47A1",
            Background = "#F5F7FA",
            Success = "#2E7D32",
            // Darker than MudBlazor's defaults so secondary text, error and warning text pass WCAG AA (4.5:1) on grey.
            TextSecondary = "rgba(0,0,0,0.70)",
            Error = "#C62828",
            Warning = "#8A5300",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#64B5F6",
            // Dark text on the light primary: white on #64B5F6 fails WCAG contrast (filled buttons, avatars).
            PrimaryContrastText = "#0B1220",
            SecondaryContrastText = "#0B1220",
            TertiaryContrastText = "#0B1220",
            Secondary = "#4DB6AC",
            Tertiary = "#FF8A65",
            AppbarBackground = "#10192B",
            Background = "#0B1220",
            Surface = "#131C2E",
            DrawerBackground = "#10192B",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Inter", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"] },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px" },
    };
}
