using System.Reflection;

namespace SalesOps.Bench;

/// <summary>Where the repository, the app's build output and the results are, found from the bench's own output folder.</summary>
public static class BenchPaths
{
    /// <summary>Release or Debug: the app is taken from the same configuration the bench was built in.</summary>
    public static string Configuration =>
        typeof(BenchPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    public static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SalesOps.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException($"No SalesOps.sln above {AppContext.BaseDirectory}; run the bench from its build output in the repository.");
        }
    }

    /// <summary>Building the bench builds SalesOps.Web (a project reference) in the same configuration, so this exists.</summary>
    public static string WebDll => Path.Combine(RepoRoot, "SalesOps.Web", "bin", Configuration, "net10.0", "SalesOps.Web.dll");

    public static string Results(string fileName) => Path.Combine(RepoRoot, "bench", "results", fileName);
}
