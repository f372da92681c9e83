namespace MusicBlazor.Hosting;

/// <summary>
/// `dotnet run` makes Development the default through the launch profile's DOTNET_ENVIRONMENT. Since .NET 7,
/// WebApplicationBuilder lets DOTNET_ENVIRONMENT win over ASPNETCORE_ENVIRONMENT, so an explicit
/// `ASPNETCORE_ENVIRONMENT=Production dotnet run` would still run in Development. Naming the explicit choice
/// (--environment first, then ASPNETCORE_ENVIRONMENT) as the builder's environment restores the documented order.
/// </summary>
public static class ExplicitEnvironment
{
    public static string? Read(string[] args) => new ConfigurationBuilder()
        .AddEnvironmentVariables(prefix: "ASPNETCORE_")
        .AddCommandLine(args)
        .Build()[HostDefaults.EnvironmentKey];
}
