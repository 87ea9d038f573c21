namespace SalesOps.Web.Resources;

/// <summary>Marker for the app's UI texts: Strings.resx (English) and Strings.ro.resx (Romanian).</summary>
public sealed class Strings;
