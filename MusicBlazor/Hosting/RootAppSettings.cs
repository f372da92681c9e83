using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace MusicBlazor.Hosting;

/// <summary>
/// The app's configuration file is appsettings.json at the repository root. `dotnet run` uses MusicBlazor/ as
/// the content root, so the default source would miss it: this points that source at the first folder that has
/// the file (content root, its parent — the repository root —, then the build/publish output, which carries a
/// copy), keeping its place before appsettings.{Environment}.json, user secrets and environment variables.
/// </summary>
public static class RootAppSettings
{
    public const string FileName = "appsettings.json";

    public static void UseRootAppSettings(this IHostApplicationBuilder builder)
    {
        var folder = Candidates(builder.Environment.ContentRootPath).FirstOrDefault(f => File.Exists(Path.Combine(f, FileName)));
        if (folder is null)
        {
            return;
        }

        var sources = builder.Configuration.Sources;
        var index = sources.ToList().FindIndex(s => s is JsonConfigurationSource { Path: FileName });
        var source = new JsonConfigurationSource
        {
            Path = FileName,
            Optional = false,
            ReloadOnChange = true,
            FileProvider = new PhysicalFileProvider(folder),
        };
        if (index >= 0)
        {
            sources[index] = source;
        }
        else
        {
            sources.Insert(0, source);
        }
    }

    private static IEnumerable<string> Candidates(string contentRoot)
    {
        yield return contentRoot;
        if (Directory.GetParent(contentRoot) is { } parent && File.Exists(Path.Combine(parent.FullName, "MusicBlazor.sln")))
        {
            yield return parent.FullName;
        }

        yield return AppContext.BaseDirectory;
    }
}
