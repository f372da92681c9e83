using Microsoft.AspNetCore.Builder;
using MusicBlazor.Hosting;

namespace MusicBlazor.Tests.Hosting;

public sealed class RootAppSettingsTests : IDisposable
{
    private readonly string _repository = Directory.CreateTempSubdirectory("musicblazor-settings-").FullName;
    private string ContentRoot => Path.Combine(_repository, "MusicBlazor");

    public RootAppSettingsTests()
    {
        Directory.CreateDirectory(ContentRoot);
        File.WriteAllText(Path.Combine(_repository, "MusicBlazor.sln"), "");
        Write(_repository, "appsettings.json", """{ "Probe": "repository root", "Other": "repository root" }""");
    }

    private static void Write(string folder, string file, string json) => File.WriteAllText(Path.Combine(folder, file), json);

    private WebApplicationBuilder Builder(string environment = "Production")
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = ContentRoot, EnvironmentName = environment });
        builder.UseRootAppSettings();
        return builder;
    }

    [Fact]
    public void StartedFromTheProjectFolderReadsTheRepositoryRootFile()
    {
        Assert.Equal("repository root", Builder().Configuration["Probe"]);
    }

    [Fact]
    public void AFileInTheContentRootWinsAsInThePublishedOutput()
    {
        Write(ContentRoot, "appsettings.json", """{ "Probe": "published copy" }""");

        Assert.Equal("published copy", Builder().Configuration["Probe"]);
    }

    [Fact]
    public void TheEnvironmentFileStillOverridesIt()
    {
        Write(ContentRoot, "appsettings.Development.json", """{ "Probe": "development" }""");

        var configuration = Builder("Development").Configuration;

        Assert.Equal("development", configuration["Probe"]);
        Assert.Equal("repository root", configuration["Other"]);
    }

    [Fact]
    public void EnvironmentVariablesStillOverrideIt()
    {
        var key = $"RootSettingsProbe{Guid.NewGuid():N}";
        Write(_repository, "appsettings.json", $$"""{ "{{key}}": "file" }""");
        Environment.SetEnvironmentVariable(key, "environment");
        try
        {
            Assert.Equal("environment", Builder().Configuration[key]);
        }
        finally
        {
            Environment.SetEnvironmentVariable(key, null);
        }
    }

    public void Dispose() => Directory.Delete(_repository, recursive: true);
}
