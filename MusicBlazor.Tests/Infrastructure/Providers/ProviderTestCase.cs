using System.ComponentModel;
using MusicBlazor.Data.Providers;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace MusicBlazor.Tests.Infrastructure.Providers;

/// <summary>One test (or one data row of a theory) on one provider; skipped where PostgreSQL is missing outside CI.</summary>
public sealed class ProviderTestCase : XunitTestCase
{
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public ProviderTestCase()
    {
    }

    public ProviderTestCase(
        IMessageSink diagnostics, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod testMethod,
        DatabaseProvider provider, object[]? arguments = null)
        : base(diagnostics, display, displayOptions, testMethod, arguments) => Provider = provider;

    public DatabaseProvider Provider { get; private set; }

    protected override string GetDisplayName(IAttributeInfo factAttribute, string displayName) =>
        ProviderRun.DisplayName(base.GetDisplayName(factAttribute, displayName), Provider);

    protected override string? GetSkipReason(IAttributeInfo factAttribute) =>
        ProviderRun.SkipReason(Provider) ?? base.GetSkipReason(factAttribute);

    protected override string GetUniqueID() => $"{base.GetUniqueID()}:{Provider}";

    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        data.AddValue(nameof(Provider), Provider.ToString());
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        Provider = Enum.Parse<DatabaseProvider>(data.GetValue<string>(nameof(Provider)));
        base.Deserialize(data);
    }

    public override async Task<RunSummary> RunAsync(
        IMessageSink diagnostics, IMessageBus bus, object[] constructorArguments, ExceptionAggregator aggregator, CancellationTokenSource cancellation)
    {
        using (ProviderRun.Use(Provider))
        {
            return await base.RunAsync(diagnostics, bus, constructorArguments, aggregator, cancellation);
        }
    }
}

/// <summary>A theory whose data is enumerated when it runs, on one provider.</summary>
public sealed class ProviderTheoryTestCase : XunitTheoryTestCase
{
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public ProviderTheoryTestCase()
    {
    }

    public ProviderTheoryTestCase(
        IMessageSink diagnostics, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod testMethod, DatabaseProvider provider)
        : base(diagnostics, display, displayOptions, testMethod) => Provider = provider;

    public DatabaseProvider Provider { get; private set; }

    protected override string GetDisplayName(IAttributeInfo factAttribute, string displayName) =>
        ProviderRun.DisplayName(base.GetDisplayName(factAttribute, displayName), Provider);

    protected override string? GetSkipReason(IAttributeInfo factAttribute) =>
        ProviderRun.SkipReason(Provider) ?? base.GetSkipReason(factAttribute);

    protected override string GetUniqueID() => $"{base.GetUniqueID()}:{Provider}";

    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        data.AddValue(nameof(Provider), Provider.ToString());
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        Provider = Enum.Parse<DatabaseProvider>(data.GetValue<string>(nameof(Provider)));
        base.Deserialize(data);
    }

    public override async Task<RunSummary> RunAsync(
        IMessageSink diagnostics, IMessageBus bus, object[] constructorArguments, ExceptionAggregator aggregator, CancellationTokenSource cancellation)
    {
        using (ProviderRun.Use(Provider))
        {
            return await base.RunAsync(diagnostics, bus, constructorArguments, aggregator, cancellation);
        }
    }
}
