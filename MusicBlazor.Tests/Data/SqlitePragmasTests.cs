using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MusicBlazor.Tests.Infrastructure;

namespace MusicBlazor.Tests.Data;

public sealed class SqlitePragmasTests : DatabaseTest
{
    [Fact]
    public async Task EveryConnectionTheAppOpensUsesNormalSynchronous()
    {
        Assert.Equal(1L, await SynchronousAsync());
    }

    [Fact]
    public async Task ReusedAndBrandNewNativeConnectionsBothUseNormalSynchronous()
    {
        Assert.Equal(1L, await SynchronousAsync());
        Assert.Equal(1L, await SynchronousAsync());

        // Closes the pooled native connections: the next open gets a new one, which must be configured too.
        SqliteConnection.ClearAllPools();

        Assert.Equal(1L, await SynchronousAsync());
    }

    private async Task<object?> SynchronousAsync()
    {
        await using var db = await App.OpenDbAsync();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA synchronous";
        return await command.ExecuteScalarAsync();
    }
}
