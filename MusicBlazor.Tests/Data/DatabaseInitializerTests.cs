using MusicBlazor.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MusicBlazor.Accounts;
using MusicBlazor.Data;
using MusicBlazor.Tests.Infrastructure;
using MusicBlazor.Tests.Infrastructure.Providers;

namespace MusicBlazor.Tests.Data;

public sealed class DatabaseInitializerTests : DatabaseTest
{
    private string Pragma(string name)
    {
        using var connection = new SqliteConnection(App.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return Convert.ToString(command.ExecuteScalar())!;
    }

    // SQLite only: WAL is a SQLite journal mode.
    [Fact]
    public void SqliteRunsInWalMode() => Assert.Equal("wal", Pragma("journal_mode"));

    [DatabaseFact]
    public async Task RunningItAgainChangesNothing()
    {
        var before = DatabaseSnapshot.Take(App);

        await App.Services.InitializeDatabaseAsync();

        Assert.Equal(before, DatabaseSnapshot.Take(App));
    }

    [DatabaseFact]
    public async Task ForeignKeysAreEnforced()
    {
        await using var db = await App.OpenDbAsync();
        db.ArtistFollowers.Add(new MusicBlazor.Catalog.ArtistFollower { ArtistId = Guid.CreateVersion7(), UserId = Guid.CreateVersion7() });

        await Assert.ThrowsAsync<SaveFailedException>(() => db.SaveChangesAsync());
    }
}
