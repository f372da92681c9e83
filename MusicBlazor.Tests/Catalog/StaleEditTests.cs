using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MusicBlazor.Accounts;
using MusicBlazor.Catalog;
using MusicBlazor.Common;
using MusicBlazor.Tests.Infrastructure;
using MusicBlazor.Tests.Infrastructure.Providers;

namespace MusicBlazor.Tests.Catalog;

/// <summary>Two people edit one artist or album: the second, stale save is refused instead of undoing the first.</summary>
public sealed class StaleEditTests : DatabaseTest
{
    private Actor _admin = null!;
    private Actor _otherAdmin = null!;
    private Guid _artist;

    protected override async Task ArrangeAsync()
    {
        _admin = await App.CreateUserAsync(Roles.Admin);
        _otherAdmin = await App.CreateUserAsync(Roles.Admin);
        _artist = await App.CreateArtistAsync(_admin, "Nina", "Plays loud.");
    }

    private async Task<ArtistInput> LoadArtistAsync(Actor actor) => (await App.As<ArtistService>(actor).GetForEditAsync(_artist))!;

    private async Task<Artist> StoredArtistAsync()
    {
        await using var db = await App.OpenDbAsync();
        return await db.Artists.AsNoTracking().SingleAsync(a => a.Id == _artist);
    }

    [DatabaseFact]
    public async Task AStaleArtistSaveIsRefusedWithTheCurrentValuesAndChangesNothing()
    {
        var mine = await LoadArtistAsync(_admin);
        var theirs = await LoadArtistAsync(_otherAdmin);
        theirs.Name = "Nina Renamed";
        await App.As<ArtistService>(_otherAdmin).UpdateAsync(_artist, theirs);
        var afterTheirs = await StoredArtistAsync();

        mine.Biography = "Plays softly.";
        var conflict = await Assert.ThrowsAsync<EditConflictException<ArtistInput>>(() => App.As<ArtistService>(_admin).UpdateAsync(_artist, mine));

        Assert.Equal(("Nina Renamed", "Plays loud.", afterTheirs.Version), (conflict.Current.Name, conflict.Current.Biography, conflict.Current.Version));
        Assert.Contains("Someone else saved this artist", conflict.Message);
        var stored = await StoredArtistAsync();
        Assert.Equal(("Nina Renamed", "Plays loud.", afterTheirs.Version), (stored.Name, stored.Biography, stored.Version));
        Assert.Equal(["Nina"], stored.PreviousNames);
    }

    [DatabaseFact]
    public async Task SavingOverTheCurrentVersionIsAllowedAndGivesANewVersion()
    {
        var mine = await LoadArtistAsync(_admin);
        var theirs = await LoadArtistAsync(_otherAdmin);
        theirs.Name = "Nina Renamed";
        await App.As<ArtistService>(_otherAdmin).UpdateAsync(_artist, theirs);
        mine.Biography = "Plays softly.";
        var conflict = await Assert.ThrowsAsync<EditConflictException<ArtistInput>>(() => App.As<ArtistService>(_admin).UpdateAsync(_artist, mine));

        mine.Version = conflict.Current.Version;
        await App.As<ArtistService>(_admin).UpdateAsync(_artist, mine);

        var stored = await StoredArtistAsync();
        Assert.Equal(("Nina", "Plays softly."), (stored.Name, stored.Biography));
        Assert.NotEqual(conflict.Current.Version, stored.Version);
    }

    [DatabaseFact]
    public async Task OfManySavesStartedFromOneVersionAtOnceExactlyOneWins()
    {
        var start = await LoadArtistAsync(_admin);
        var saves = Enumerable.Range(1, 8).Select(i => Task.Run(async () =>
        {
            var input = new ArtistInput { Name = $"Nina {i}", Biography = start.Biography, Version = start.Version };
            try
            {
                await App.As<ArtistService>(i % 2 == 0 ? _admin : _otherAdmin).UpdateAsync(_artist, input);
                return input.Name;
            }
            catch (EditConflictException<ArtistInput>)
            {
                return null;
            }
        }));

        var winners = (await Task.WhenAll(saves)).OfType<string>().ToList();

        var winner = Assert.Single(winners);
        Assert.Equal(winner, (await StoredArtistAsync()).Name);
    }

    // SQLite only: it holds SQLite's single write lock to pause the service between its read and its write.
    // SQLite only: it holds SQLite's write lock on a raw connection.
    [Fact]
    public async Task ASaveThatLosesTheRaceBetweenItsReadAndItsWriteIsRefusedToo()
    {
        var mine = await LoadArtistAsync(_admin);
        mine.Biography = "Plays softly.";
        await using var other = new SqliteConnection(App.ConnectionString);
        await other.OpenAsync();
        // Holds SQLite's write lock, so the service reads the artist as it is but waits to write.
        await using var theirs = (SqliteTransaction)await other.BeginTransactionAsync();

        Task save;
        using (var commands = App.Commands.Start())
        {
            save = Task.Run(() => App.As<ArtistService>(_admin).UpdateAsync(_artist, mine));
            await Eventually.TrueAsync(() => commands.Commands.Any(sql => sql.Contains("FROM \"Artists\"")), "the service read the artist");
        }

        await using (var rename = other.CreateCommand())
        {
            rename.Transaction = theirs;
            rename.CommandText = """UPDATE "Artists" SET "Name" = 'Nina Renamed', "Version" = $version WHERE "Id" = $id""";
            rename.Parameters.AddWithValue("$version", Guid.NewGuid().ToString().ToUpperInvariant());
            rename.Parameters.AddWithValue("$id", _artist.ToString().ToUpperInvariant());
            Assert.Equal(1, await rename.ExecuteNonQueryAsync());
        }

        await theirs.CommitAsync();

        var conflict = await Assert.ThrowsAsync<EditConflictException<ArtistInput>>(() => save);
        Assert.Equal("Nina Renamed", conflict.Current.Name);
        Assert.Equal(("Nina Renamed", "Plays loud."), ((await StoredArtistAsync()).Name, (await StoredArtistAsync()).Biography));
    }

    [DatabaseFact]
    public async Task AStaleAlbumSaveIsRefusedEvenWhenOnlyTheTracksChanged()
    {
        var editor = await App.CreateUserAsync(Roles.Editor);
        var album = await App.As<AlbumService>(editor).CreateAsync(_artist, new AlbumInput
        {
            Name = "Live", YearReleased = 2001, Tracks = [new TrackInput { Name = "One", Duration = "3:00" }],
        });
        var mine = (await App.As<AlbumService>(editor).GetForEditAsync(album))!.Input;
        var theirs = (await App.As<AlbumService>(_admin).GetForEditAsync(album))!.Input;
        theirs.Tracks.Add(new TrackInput { Name = "Two", Duration = "4:00" });
        await App.As<AlbumService>(_admin).UpdateAsync(album, theirs);

        mine.Name = "Live at Home";
        var conflict = await Assert.ThrowsAsync<EditConflictException<AlbumInput>>(() => App.As<AlbumService>(editor).UpdateAsync(album, mine));

        Assert.Equal(["One", "Two"], conflict.Current.Tracks.Select(t => t.Name));
        Assert.Equal(["Tracks: 1 track → 2 tracks"], EditChanges.Between(mine, conflict.Current).Where(c => c.StartsWith("Tracks")));
        await using var db = await App.OpenDbAsync();
        var stored = await db.Albums.Include(a => a.Tracks).SingleAsync(a => a.Id == album);
        Assert.Equal(("Live", 2), (stored.Name, stored.Tracks.Count));
    }

    [DatabaseFact]
    public async Task ASaveWithoutAVersionStillWorksAsLastWriterWins()
    {
        await App.As<ArtistService>(_otherAdmin).UpdateAsync(_artist, new ArtistInput { Name = "Nina Renamed" });

        await App.As<ArtistService>(_admin).UpdateAsync(_artist, new ArtistInput { Name = "Nina Again" });

        Assert.Equal("Nina Again", (await StoredArtistAsync()).Name);
    }

    [Fact]
    public void ChangesAreDescribedFieldByField()
    {
        var loaded = new ArtistInput { Name = "Nina", Biography = "Plays loud." };

        var changes = EditChanges.Between(loaded, new ArtistInput { Name = "Nina Renamed", Biography = "Plays loud, again." });

        Assert.Equal(["Name: “Nina” → “Nina Renamed”", "Biography changed"], changes);
        Assert.Empty(EditChanges.Between(loaded, new ArtistInput { Name = " Nina ", Biography = "Plays loud." }));
    }
}
