namespace MusicBlazor.Common;

/// <summary>The database refused or could not take a write; nothing of it was saved.</summary>
public sealed class SaveFailedException(Exception inner, bool isDuplicate)
    : DomainException("The change could not be saved. Please try again.", inner)
{
    /// <summary>A unique index refused the row: someone saved the same key first.</summary>
    public bool IsDuplicate { get; } = isDuplicate;
}
