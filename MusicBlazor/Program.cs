using MusicBlazor.Data;
using MusicBlazor.Data.Providers;
using MusicBlazor.Hosting;

try
{
    await RunAsync(args);
    return 0;
}
catch (DatabaseStartupException ex)
{
    // A setting to fix, not a bug: one line, no stack trace.
    Console.Error.WriteLine($"MusicBlazor cannot start: {ex.Message}");
    return 1;
}

static async Task RunAsync(string[] args)
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, EnvironmentName = ExplicitEnvironment.Read(args) });
    // Development maps the build output's static web assets by itself; a build run in Production needs them too
    // (a published app has no such manifest and serves its own wwwroot, so this does nothing there).
    builder.WebHost.UseStaticWebAssets();
    builder.UseRootAppSettings();
    builder.AddMusicBlazor();

    var app = builder.Build();
    await app.Services.InitializeDatabaseAsync();
    app.UseMusicBlazor();
    await app.RunAsync();
}

public partial class Program;
