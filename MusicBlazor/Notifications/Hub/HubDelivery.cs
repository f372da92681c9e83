using MusicBlazor.Notifications.Changes;

namespace MusicBlazor.Notifications.Hub;

/// <summary>
/// What a hub subscriber receives: the committed changes it asked for, and whether it must re-read from the
/// database because events may have been missed (dropped, reconnected, or the signed-in user changed).
/// </summary>
public sealed record HubDelivery(IReadOnlyList<ChangeEvent> Changes, bool Resync);
