using Grpc.Core;
using PixOrga.Contracts.V1;
using PixOrga.Grains.Interfaces.Common;

namespace PixOrga.Gateway.Grpc.Team;

/// <summary>The public «demande d'administration» form: anonymous, rate-limited.</summary>
public sealed class SchoolAccessGrpcService(IGrainFactory grains) : SchoolAccessService.SchoolAccessServiceBase
{
    private const int MaxNameLength = 255;

    public override async Task<RequestAdministrationResponse> RequestAdministration(
        RequestAdministrationRequest request, ServerCallContext context)
    {
        Validate(request);
        var schoolName = await grains.School(request.Uai).RequestAdministration(request.FirstName.Trim(), request.LastName.Trim());
        return new RequestAdministrationResponse { SchoolName = schoolName };
    }

    /// <summary>Every empty field at once, in the form's order, so the form can mark them all.</summary>
    private static void Validate(RequestAdministrationRequest request)
    {
        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(request.Uai))
        {
            errors.Add(new DomainError("UAI_REQUIRED", Grains.Interfaces.Schools.Uai.RequiredMessage, "uai"));
        }

        CheckName(errors, request.FirstName, "first_name", "FIRST_NAME", "Votre prénom n’est pas renseigné.", "Votre prénom ne doit pas dépasser les 255 caractères.");
        CheckName(errors, request.LastName, "last_name", "LAST_NAME", "Votre nom n’est pas renseigné.", "Votre nom ne doit pas dépasser les 255 caractères.");
        if (errors.Count > 0)
        {
            throw new DomainException(ErrorKind.InvalidArgument, errors);
        }
    }

    private static void CheckName(List<DomainError> errors, string value, string field, string code, string required, string tooLong)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new DomainError(code + "_REQUIRED", required, field));
        }
        else if (value.Trim().Length > MaxNameLength)
        {
            errors.Add(new DomainError(code + "_TOO_LONG", tooLong, field));
        }
    }
}
