namespace MusicBlazor.Common;

public sealed class NotFoundException(string message) : DomainException(message);
