using Xunit.Sdk;

namespace MusicBlazor.Tests.Infrastructure.Providers;

/// <summary>
/// A test of a <see cref="DatabaseTest"/> that runs once per database provider: "Name(Sqlite)" and "Name(Postgres)".
/// A plain <c>[Fact]</c> in such a class runs on SQLite only (for what only SQLite has).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("MusicBlazor.Tests.Infrastructure.Providers.DatabaseFactDiscoverer", "MusicBlazor.Tests")]
public sealed class DatabaseFactAttribute : FactAttribute;

/// <summary>A theory of a <see cref="DatabaseTest"/> that runs each data row once per database provider.</summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("MusicBlazor.Tests.Infrastructure.Providers.DatabaseTheoryDiscoverer", "MusicBlazor.Tests")]
public sealed class DatabaseTheoryAttribute : TheoryAttribute;
