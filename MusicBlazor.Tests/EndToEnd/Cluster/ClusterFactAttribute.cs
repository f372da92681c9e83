using MusicBlazor.Tests.EndToEnd.Infrastructure;

namespace MusicBlazor.Tests.EndToEnd.Cluster;

/// <summary>A browser test through nginx and two servers on PostgreSQL: skipped outside CI without Chromium, PostgreSQL or nginx.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ClusterFactAttribute : FactAttribute
{
    public ClusterFactAttribute() => Skip = new EndToEndFactAttribute().Skip ?? ClusterServers.SkipReason;
}
