namespace MicroCredentials.Host.Infrastructure;

/// <summary>
/// The content root — where <c>appsettings.json</c> is read — is the host's own folder however the host is started:
/// the project folder (<c>src/MicroCredentials.Host</c>) when running from a clone, the app folder when published. Without
/// this, <c>dotnet run --project src/MicroCredentials.Host</c> from the repository root used the repository root and
/// never loaded the host's appsettings.json. An explicit <c>--contentRoot</c> or <c>ASPNETCORE_CONTENTROOT</c> still wins.
/// </summary>
internal static class HostContentRoot
{
    private const string ProjectFile = "MicroCredentials.Host.csproj";

    /// <summary>The builder options for <paramref name="args"/>.</summary>
    public static WebApplicationOptions Options(string[] args)
    {
        var explicitRoot = args.Any(a => a.TrimStart('-').StartsWith("contentRoot", StringComparison.OrdinalIgnoreCase))
            || Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is { Length: > 0 }
            || Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT") is { Length: > 0 };
        return explicitRoot
            ? new WebApplicationOptions { Args = args }
            : new WebApplicationOptions { Args = args, ContentRootPath = Find() };
    }

    /// <summary>The host project folder above the app folder, or the app folder itself.</summary>
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, ProjectFile)))
            {
                return dir.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }
}
