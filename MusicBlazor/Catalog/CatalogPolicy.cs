using MusicBlazor.Accounts;

namespace MusicBlazor.Catalog;

/// <summary>
/// Who may do what, written once. The services enforce it (throwing <see cref="Common.ForbiddenException"/>);
/// pages only ask it to decide what to show.
/// </summary>
public static class CatalogPolicy
{
    public static bool CanFollow(Actor actor) => actor.IsAuthenticated;
    public static bool CanCreateArtist(Actor actor) => actor.IsAdmin;
    public static bool CanDeleteArtist(Actor actor) => actor.IsAdmin;
    public static bool CanEditArtist(Actor actor) => actor.IsAdmin || actor.IsEditor;
    public static bool CanCreateAlbum(Actor actor) => actor.IsAdmin || actor.IsEditor;

    public static bool CanManageAlbum(Actor actor, Guid? albumCreatedById) =>
        actor.IsAdmin || (actor.IsEditor && albumCreatedById is not null && albumCreatedById == actor.UserId);

    public static bool CanChangeRoles(Actor actor) => actor.IsAdmin;

    /// <summary>The audit log names who did what to whom: admins only.</summary>
    public static bool CanReadAuditLog(Actor actor) => actor.IsAdmin;

    public static bool CanViewSystem(Actor actor) => actor.IsAdmin;

    internal static void Demand(bool allowed, string action)
    {
        if (!allowed)
        {
            throw new Common.ForbiddenException($"You are not allowed to {action}.");
        }
    }
}
