using MusicBlazor.TestSupport.Data;

namespace MusicBlazor.Tests.Infrastructure.Providers;

/// <summary>A test of what only PostgreSQL has (LISTEN/NOTIFY, several servers): skipped without a server outside CI, failing under CI=true.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute() => Skip = PostgresTestServer.SkipReason;
}
