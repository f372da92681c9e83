namespace MusicBlazor.Tests.EndToEnd.Infrastructure;

public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string TestResults => Path.Combine(Root, "MusicBlazor.Tests", "TestResults");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MusicBlazor.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("MusicBlazor.sln not found above " + AppContext.BaseDirectory);
    }
}
