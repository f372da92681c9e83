using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MusicBlazor.Accounts;
using MusicBlazor.Data.ChangeLog;
using MusicBlazor.Tests.Infrastructure;
using MusicBlazor.Tests.Infrastructure.Providers;

namespace MusicBlazor.Tests.Data;

public sealed class ChangeLogRetentionTests : DatabaseTest
{
    private Actor _admin = null!;

    private ChangeLogRetention Retention => App.Services.GetRequiredService<ChangeLogRetention>();

    protected override async Task ArrangeAsync() => _admin = await App.CreateUserAsync(Roles.Admin);

    /// <summary>Logs <paramref name="count"/> artist changes and dates them <paramref name="age"/> before the app's clock.</summary>
    private async Task<List<long>> LogChangesAsync(int count, TimeSpan age)
    {
        var head = await App.LogHeadAsync();
        await using var db = await App.OpenDbAsync(_admin);
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Artists.AddRange(Enumerable.Range(0, count).Select(i => MusicBlazor.Catalog.Artist.Create($"Artist {Guid.NewGuid():N}")));
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        var at = App.Clock.GetUtcNow().UtcDateTime - age;
        await db.ChangeLog.Where(e => e.Sequence > head).ExecuteUpdateAsync(s => s.SetProperty(e => e.At, at));
        return await db.ChangeLog.Where(e => e.Sequence > head).Select(e => e.Sequence).ToListAsync();
    }

    private async Task<List<long>> RetainedAsync()
    {
        await using var db = await App.OpenDbAsync();
        return await db.ChangeLog.OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync();
    }

    [DatabaseFact]
    public async Task PrunesChangesOlderThanSevenDaysByDefaultAndKeepsTheRest()
    {
        var old = await LogChangesAsync(5, TimeSpan.FromDays(8));
        var recent = await LogChangesAsync(3, TimeSpan.FromDays(6));
        var head = await App.LogHeadAsync();

        var pruned = await Retention.PruneAsync();

        var retained = await RetainedAsync();
        Assert.Equal(old.Count, pruned);
        Assert.DoesNotContain(retained, old.Contains);
        Assert.All(recent, sequence => Assert.Contains(sequence, retained));
        Assert.Equal(head, await App.LogHeadAsync());
    }

    [DatabaseFact]
    public async Task PrunesInShortBatchesSoWritersNeverWaitLong()
    {
        var old = await LogChangesAsync(ChangeLogRetention.BatchSize * 2 + 10, TimeSpan.FromDays(30));

        using (var commands = App.Commands.Start())
        {
            Assert.Equal(old.Count, await Retention.PruneAsync());
            Assert.Equal(3, commands.Commands.Count(sql => sql.TrimStart().StartsWith("DELETE", StringComparison.OrdinalIgnoreCase)));
        }

        Assert.DoesNotContain(await RetainedAsync(), old.Contains);
    }

    [DatabaseFact]
    public async Task NewChangesKeepIncreasingAfterEverythingWasPruned()
    {
        await LogChangesAsync(4, TimeSpan.FromDays(10));
        var head = await App.LogHeadAsync();
        await using (var db = await App.OpenDbAsync())
        {
            await db.ChangeLog.ExecuteUpdateAsync(s => s.SetProperty(e => e.At, App.Clock.GetUtcNow().UtcDateTime.AddDays(-10)));
        }

        await Retention.PruneAsync();
        Assert.Empty(await RetainedAsync());

        var next = await LogChangesAsync(1, TimeSpan.Zero);

        Assert.True(next.Single() > head, $"sequence {next.Single()} after head {head}");
    }
}
