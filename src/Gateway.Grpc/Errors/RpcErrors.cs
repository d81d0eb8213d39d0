using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using PixOrga.Grains.Interfaces.Common;
using Status = Google.Rpc.Status;

namespace PixOrga.Gateway.Grpc.Errors;

/// <summary>
/// Builds the one error shape every RPC answers with: a gRPC status code and, in
/// <c>grpc-status-details-bin</c>, a <c>google.rpc.Status</c> carrying <c>ErrorInfo</c> (the stable
/// reason), <c>BadRequest</c> field violations and the French <c>LocalizedMessage</c>.
/// </summary>
public static class RpcErrors
{
    public const string Domain = "pixorga.fr";
    public const string Locale = "fr-FR";

    public static RpcException From(DomainException exception) =>
        Build(ToStatusCode(exception.Kind), exception.Errors);

    public static RpcException Build(StatusCode code, IReadOnlyList<DomainError> errors)
    {
        var first = errors.Count > 0
            ? errors[0]
            : new DomainError("UNKNOWN", "Une erreur est survenue.");
        var status = new Status
        {
            Code = (int)code,
            Message = first.Message,
        };

        var info = new ErrorInfo { Reason = first.Code, Domain = Domain };
        if (first.Field is not null)
        {
            info.Metadata.Add("field", first.Field);
        }

        status.Details.Add(Any.Pack(info));

        var violations = new BadRequest();
        foreach (var error in errors.Where(e => e.Field is not null || e.Line is not null))
        {
            violations.FieldViolations.Add(new BadRequest.Types.FieldViolation
            {
                Field = error.Line is { } line ? $"line:{line}/{error.Field}" : error.Field,
                Description = error.Message,
                Reason = error.Code,
            });
        }

        if (violations.FieldViolations.Count > 0)
        {
            status.Details.Add(Any.Pack(violations));
        }

        status.Details.Add(Any.Pack(new LocalizedMessage { Locale = Locale, Message = first.Message }));
        return status.ToRpcException();
    }

    public static RpcException Unavailable(string code, string message) =>
        Build(StatusCode.Unavailable, [new DomainError(code, message)]);

    public static RpcException Invalid(string code, string message, string? field = null) =>
        Build(StatusCode.InvalidArgument, [new DomainError(code, message, field)]);

    public static StatusCode ToStatusCode(ErrorKind kind) => kind switch
    {
        ErrorKind.InvalidArgument => StatusCode.InvalidArgument,
        ErrorKind.NotFound => StatusCode.NotFound,
        ErrorKind.PermissionDenied => StatusCode.PermissionDenied,
        ErrorKind.Unauthenticated => StatusCode.Unauthenticated,
        ErrorKind.FailedPrecondition => StatusCode.FailedPrecondition,
        ErrorKind.AlreadyExists => StatusCode.AlreadyExists,
        ErrorKind.ResourceExhausted => StatusCode.ResourceExhausted,
        ErrorKind.Unavailable => StatusCode.Unavailable,
        ErrorKind.Aborted => StatusCode.Aborted,
        _ => StatusCode.Internal,
    };
}
