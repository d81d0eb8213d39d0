namespace PixOrga.Grains.Interfaces.Common;

/// <summary>
/// Raised by grains and domain code when a request breaks a rule. It crosses silo boundaries
/// (hence the serializer attributes) and the gateway maps it to a gRPC status with details.
/// </summary>
[GenerateSerializer]
public sealed class DomainException : Exception
{
    public DomainException(ErrorKind kind, IReadOnlyList<DomainError> errors)
        : base(errors.Count > 0 ? errors[0].Code : kind.ToString())
    {
        Kind = kind;
        Errors = errors;
    }

    public DomainException(ErrorKind kind, string code, string message, string? field = null)
        : this(kind, [new DomainError(code, message, field)])
    {
    }

    [Id(0)]
    public ErrorKind Kind { get; }

    [Id(1)]
    public IReadOnlyList<DomainError> Errors { get; }

    public static DomainException Invalid(string code, string message, string? field = null) =>
        new(ErrorKind.InvalidArgument, code, message, field);

    public static DomainException NotFound(string code, string message) =>
        new(ErrorKind.NotFound, code, message);

    public static DomainException Denied(string code, string message) =>
        new(ErrorKind.PermissionDenied, code, message);

    public static DomainException Precondition(string code, string message) =>
        new(ErrorKind.FailedPrecondition, code, message);
}
