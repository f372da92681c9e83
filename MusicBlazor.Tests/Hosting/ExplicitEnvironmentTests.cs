using MusicBlazor.Hosting;

namespace MusicBlazor.Tests.Hosting;

/// <summary>The command line always names the environment (ASPNETCORE_ENVIRONMENT is the process's, so not set here).</summary>
public sealed class ExplicitEnvironmentTests
{
    [Theory]
    [InlineData("Production", "--environment=Production")]
    [InlineData("Staging", "--urls", "http://127.0.0.1:5000", "--environment", "Staging")]
    public void TheCommandLineNamesTheEnvironment(string expected, params string[] args) =>
        Assert.Equal(expected, ExplicitEnvironment.Read(args));
}
