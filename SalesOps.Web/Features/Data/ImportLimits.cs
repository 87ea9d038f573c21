namespace SalesOps.Web.Features.Data;

/// <summary>What the /data page accepts, stated on the page; the command line has no size limit (the files are local).</summary>
public static class ImportLimits
{
    public const long MaxFileBytes = 200L * 1024 * 1024;
    public const int MaxFiles = 6;

    public static bool IsCsv(string name) => name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
}
