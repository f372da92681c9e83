using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MusicBlazor.Data;
using MusicBlazor.Tests.Infrastructure;

namespace MusicBlazor.Tests.Data;

public sealed class WalCheckpointerTests : DatabaseTest
{
    private const int PageSize = 4096;

    [Fact]
    public async Task ABigCommitLeavesItsPagesInTheLogAndTheCheckpointerMovesThemIntoTheDatabaseFile()
    {
        var file = App.DatabasePath;
        await WriteScratchPagesAsync(1, 1);
        await App.Services.GetRequiredService<WalCheckpointer>().CheckpointAsync();
        var before = new FileInfo(file).Length;

        // Well past SQLite's automatic checkpoint threshold of 1,000 pages.
        await WriteScratchPagesAsync(2, 1_500);

        Assert.Equal(before, new FileInfo(file).Length);
        var (checkpointed, inLog) = await App.Services.GetRequiredService<WalCheckpointer>().CheckpointAsync();
        Assert.True(inLog >= 1_500, $"{inLog} pages in the log");
        Assert.Equal(inLog, checkpointed);
        Assert.True(new FileInfo(file).Length >= before + 1_500L * PageSize);
    }

    /// <summary>Commits about <paramref name="pages"/> pages through one of the app's own connections.</summary>
    private async Task WriteScratchPagesAsync(int batch, int pages)
    {
        await using var db = await App.OpenDbAsync();
        await db.Database.ExecuteSqlRawAsync("CREATE TABLE IF NOT EXISTS \"Scratch\" (\"Batch\" INTEGER, \"Bytes\" BLOB);");
        await db.Database.ExecuteSqlAsync($"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {pages})
            INSERT INTO "Scratch" SELECT {batch}, randomblob(4000) FROM n;
            """);
    }
}
