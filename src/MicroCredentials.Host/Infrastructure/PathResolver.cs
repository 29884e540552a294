namespace MicroCredentials.Host.Infrastructure;

/// <summary>
/// Resolves configured relative paths (catalogue, keys) so that <c>dotnet run --project src/MicroCredentials.Host</c>
/// from the repository root, from the project folder, or the published app all find the same files: the content
/// root first, then each parent of the working directory and of the app's folder.
/// </summary>
internal static class PathResolver
{
    public static string Resolve(string path, string contentRoot)
    {
        if (Path.IsPathRooted(path))
        {
            return path;
        }

        foreach (var start in new[] { contentRoot, Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, path);
                if (File.Exists(candidate) || Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return Path.Combine(contentRoot, path);
    }
}
