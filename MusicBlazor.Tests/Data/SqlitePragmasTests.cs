using Microsoft.EntityFrameworkCore;
using MusicBlazor.Tests.Infrastructure;

namespace MusicBlazor.Tests.Data;

public sealed class SqlitePragmasTests : DatabaseTest
{
    [Fact]
    public async Task EveryConnectionTheAppOpensUsesNormalSynchronous()
    {
        await using var db = await App.OpenDbAsync();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA synchronous";

        Assert.Equal(1L, await command.ExecuteScalarAsync());
    }
}
