using MusicBlazor.Accounts;
using MusicBlazor.Catalog;
using MusicBlazor.Common;
using MusicBlazor.Tests.Infrastructure;
using MusicBlazor.Tests.Infrastructure.Providers;

namespace MusicBlazor.Tests.Catalog;

/// <summary>The permission table, enforced by the services: every role against every action.</summary>
public sealed class CatalogPolicyTests : DatabaseTest
{
    private const string Anonymous = "Anonymous";

    private static readonly Dictionary<string, string[]> AllowedRoles = new()
    {
        ["Follow"] = [Roles.User, Roles.Editor, Roles.Admin],
        ["CreateArtist"] = [Roles.Admin],
        ["EditArtist"] = [Roles.Editor, Roles.Admin],
        ["DeleteArtist"] = [Roles.Admin],
        ["CreateAlbum"] = [Roles.Editor, Roles.Admin],
        ["EditOwnAlbum"] = [Roles.Editor, Roles.Admin],
        ["EditOthersAlbum"] = [Roles.Admin],
        ["DeleteOwnAlbum"] = [Roles.Editor, Roles.Admin],
        ["DeleteOthersAlbum"] = [Roles.Admin],
        ["ChangeUserRole"] = [Roles.Admin],
    };

    public static TheoryData<string, string, bool> Table()
    {
        var table = new TheoryData<string, string, bool>();
        foreach (var (action, allowed) in AllowedRoles)
        {
            foreach (var role in new[] { Anonymous, Roles.User, Roles.Editor, Roles.Admin })
            {
                table.Add(role, action, allowed.Contains(role));
            }
        }

        return table;
    }

    private Actor _actor = null!;
    private Guid _artist;
    private Guid _ownAlbum;
    private Guid _othersAlbum;
    private Guid _someUser;

    private async Task ArrangeAsync(string role)
    {
        var admin = await App.CreateUserAsync(Roles.Admin);
        var otherEditor = await App.CreateUserAsync(Roles.Editor);
        _actor = role == Anonymous ? Actor.Anonymous : await App.CreateUserAsync(role);
        _someUser = (await App.CreateUserAsync()).UserId!.Value;
        _artist = await App.CreateArtistAsync(admin, "Nina");
        _othersAlbum = await App.CreateAlbumAsync(otherEditor, _artist, "Theirs");
        _ownAlbum = _actor.IsAuthenticated ? await AddAlbumCreatedByAsync(_actor, "Mine") : _othersAlbum;
        await App.DeliverAsync();
        App.Published.Clear();
    }

    private async Task<Guid> AddAlbumCreatedByAsync(Actor creator, string name)
    {
        await using var db = await App.OpenDbAsync(creator);
        var album = new Album { ArtistId = _artist, Name = name, YearReleased = 2000 };
        db.Albums.Add(album);
        await db.SaveChangesAsync();
        return album.Id;
    }

    private Task Perform(string action) => action switch
    {
        "Follow" => App.As<FollowService>(_actor).FollowAsync(_artist),
        "CreateArtist" => App.As<ArtistService>(_actor).CreateAsync(new ArtistInput { Name = "New" }),
        "EditArtist" => App.As<ArtistService>(_actor).UpdateAsync(_artist, new ArtistInput { Name = "Renamed" }),
        "DeleteArtist" => App.As<ArtistService>(_actor).DeleteAsync(_artist),
        "CreateAlbum" => App.As<AlbumService>(_actor).CreateAsync(_artist, CatalogSeed.AlbumInput("New", 2001)),
        "EditOwnAlbum" => App.As<AlbumService>(_actor).UpdateAsync(_ownAlbum, CatalogSeed.AlbumInput("Edited", 2001)),
        "EditOthersAlbum" => App.As<AlbumService>(_actor).UpdateAsync(_othersAlbum, CatalogSeed.AlbumInput("Edited", 2001)),
        "DeleteOwnAlbum" => App.As<AlbumService>(_actor).DeleteAsync(_ownAlbum),
        "DeleteOthersAlbum" => App.As<AlbumService>(_actor).DeleteAsync(_othersAlbum),
        "ChangeUserRole" => App.As<UserAdminService>(_actor).ChangeRoleAsync(_someUser, Roles.Editor),
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    [DatabaseTheory]
    [MemberData(nameof(Table))]
    public async Task OnlyAllowedRolesCanActAndForbiddenAttemptsChangeNothing(string role, string action, bool allowed)
    {
        await ArrangeAsync(role);
        var before = DatabaseSnapshot.Take(App);

        if (allowed)
        {
            await Perform(action);
            await App.DeliverAsync();
            Assert.NotEqual(before, DatabaseSnapshot.Take(App));
            Assert.NotEmpty(App.Published.Batches);
        }
        else
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => Perform(action));
            await App.DeliverAsync();
            Assert.Equal(before, DatabaseSnapshot.Take(App));
            Assert.Empty(App.Published.Batches);
        }
    }

    [DatabaseTheory]
    [InlineData(null, false)]
    [InlineData(Roles.User, false)]
    [InlineData(Roles.Editor, false)]
    [InlineData(Roles.Admin, true)]
    public void ManagingAnAlbumNobodyCreatedIsForAdminsOnly(string? role, bool allowed)
    {
        var actor = role is null ? Actor.Anonymous : Actor.User(Guid.CreateVersion7(), role);
        Assert.Equal(allowed, CatalogPolicy.CanManageAlbum(actor, null));
    }

    [DatabaseFact]
    public void AnUnknownRoleGetsNoEditorRights()
    {
        var actor = Actor.User(Guid.CreateVersion7(), "Superuser");
        Assert.False(CatalogPolicy.CanEditArtist(actor) || CatalogPolicy.CanCreateAlbum(actor) || CatalogPolicy.CanManageAlbum(actor, actor.UserId));
        Assert.True(CatalogPolicy.CanFollow(actor));
    }
}
