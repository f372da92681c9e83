using Microsoft.AspNetCore.Authorization;
using MusicBlazor.Catalog;

namespace MusicBlazor.Accounts;

/// <summary>Named policies for [Authorize] on pages; each defers to <see cref="CatalogPolicy"/>, where the rule lives.</summary>
public static class AuthorizationPolicies
{
    public const string CreateArtist = nameof(CreateArtist);
    public const string EditArtist = nameof(EditArtist);
    public const string CreateAlbum = nameof(CreateAlbum);
    public const string ManageUsers = nameof(ManageUsers);
    public const string ViewSystem = nameof(ViewSystem);
    public const string ReadAuditLog = nameof(ReadAuditLog);

    public static void AddCatalogPolicies(this AuthorizationOptions options)
    {
        Add(options, CreateArtist, CatalogPolicy.CanCreateArtist);
        Add(options, EditArtist, CatalogPolicy.CanEditArtist);
        Add(options, CreateAlbum, CatalogPolicy.CanCreateAlbum);
        Add(options, ManageUsers, CatalogPolicy.CanChangeRoles);
        Add(options, ViewSystem, CatalogPolicy.CanViewSystem);
        Add(options, ReadAuditLog, CatalogPolicy.CanReadAuditLog);
    }

    private static void Add(AuthorizationOptions options, string name, Func<Actor, bool> rule) =>
        options.AddPolicy(name, policy => policy.RequireAssertion(context => rule(Actor.FromPrincipal(context.User))));
}
