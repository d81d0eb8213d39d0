namespace PixOrga.Grains.Interfaces.Common;

/// <summary>The family of a domain error; the gateway turns it into a gRPC status code.</summary>
public enum ErrorKind
{
    InvalidArgument = 0,
    NotFound = 1,
    PermissionDenied = 2,
    Unauthenticated = 3,
    FailedPrecondition = 4,
    AlreadyExists = 5,
    ResourceExhausted = 6,
    Unavailable = 7,
    Aborted = 8,
}
