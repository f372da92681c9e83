namespace MusicBlazor.Common;

/// <summary>
/// Someone else saved the record after the user loaded it, so this save would have undone their change. Nothing was
/// saved. <see cref="Current"/> is the record as it is now (with its version): the form shows what changed, and the user
/// either starts again from it or saves their own input over it with its version.
/// </summary>
public sealed class EditConflictException<TInput>(string what, TInput current)
    : DomainException($"Someone else saved this {what} while you were editing it. Your changes are still in the form.")
{
    public TInput Current { get; } = current;
}
