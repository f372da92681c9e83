using Radzen;

namespace MusicBlazor.Components.Shared;

public static class ConfirmDialogs
{
    /// <summary>Asks before destroying data; true only when the user chose "Delete".</summary>
    public static async Task<bool> ConfirmDeleteAsync(this DialogService dialogs, string title, string message) =>
        await dialogs.Confirm(message, title, new ConfirmOptions
        {
            OkButtonText = "Delete",
            CancelButtonText = "Cancel",
            Width = "min(32rem, 95vw)",
            CloseDialogOnEsc = true,
        }) == true;
}
