namespace MusicBlazor.Tests.EndToEnd.Infrastructure;

/// <summary>The app with its demo catalog, as a newcomer first sees it.</summary>
public sealed class DemoAppServer : AppServer
{
    protected override bool WithDemoCatalog => true;
}
