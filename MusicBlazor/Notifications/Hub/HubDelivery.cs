using MusicBlazor.Data.ChangeLog;

namespace MusicBlazor.Notifications.Hub;

/// <summary>
/// What a hub subscriber receives: the committed changes of its topic, in sequence order, and whether it must
/// re-read from the database because changes were missed and the log no longer holds them (or the signed-in user
/// changed).
/// </summary>
public sealed record HubDelivery(IReadOnlyList<ChangeEvent> Changes, bool Resync);
