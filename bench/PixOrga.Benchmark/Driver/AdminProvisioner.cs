using Grpc.Core;
using Grpc.Net.Client;
using PixOrga.Benchmark.Data;
using PixOrga.Contracts.V1;

namespace PixOrga.Benchmark.Driver;

/// <summary>
/// Makes benchmark accounts ADMIN of every school the way a head teacher becomes one, through the
/// public RPCs: the activation request mails an invitation to the school's mailbox, the link is
/// read from the inbox and accepted. A handful of accounts share the schools (round robin, so
/// concurrent acceptances hit different accounts); signing up once per school would spend the
/// setup in password hashing.
/// </summary>
internal sealed class AdminProvisioner(GrpcChannel channel, DriverSettings settings, IInvitationInbox inbox)
{
    public const string Password = "Rentree2025Bench";

    private readonly AccountsService.AccountsServiceClient accounts = new(channel);
    private readonly SchoolAccessService.SchoolAccessServiceClient access = new(channel);
    private readonly InvitationsService.InvitationsServiceClient invitations = new(channel);

    public async Task<AdminAccounts> ProvisionAsync(IReadOnlyList<GeneratedSchool> schools, Action<int> schoolDone, CancellationToken cancellationToken)
    {
        var count = (schools.Count + settings.SchoolsPerAdmin - 1) / settings.SchoolsPerAdmin;
        var emails = Enumerable.Range(0, count).Select(k => $"directeur.{settings.RunTag}.{k:00000}@bench.pixorga.test").ToArray();
        var tokens = new string[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), Options(2, cancellationToken), async (k, token) =>
        {
            var response = await accounts.SignUpAsync(
                new SignUpRequest { FirstName = "Claire", LastName = "Directrice", Email = emails[k], Password = Password, TermsAccepted = true },
                cancellationToken: token);
            tokens[k] = response.Session.AccessToken;
        });

        var admins = new AdminAccounts(emails, tokens);
        await Parallel.ForEachAsync(schools, Options(settings.SetupConcurrency, cancellationToken), async (school, token) =>
        {
            await access.RequestAdministrationAsync(
                new RequestAdministrationRequest { Uai = school.Uai, FirstName = "Claire", LastName = "Directrice" },
                cancellationToken: token);
            var link = await inbox.ReceiveAsync(school, token);
            var accepted = await invitations.AcceptInvitationAsync(
                new AcceptInvitationRequest { InvitationId = link.InvitationId, Code = link.Code },
                admins.HeadersFor(school), cancellationToken: token);
            if (accepted.Role != SchoolRole.Admin)
            {
                throw new InvalidOperationException($"School {school.Uai}: the benchmark account became {accepted.Role}, not ADMIN.");
            }

            schoolDone(school.Index);
        });
        return admins;
    }

    /// <summary>Fresh access tokens for every account: a long setup can outlive the first ones.</summary>
    public async Task SignInAgainAsync(AdminAccounts admins, CancellationToken cancellationToken)
    {
        await Parallel.ForEachAsync(Enumerable.Range(0, admins.Count), Options(2, cancellationToken), async (k, token) =>
        {
            var response = await accounts.SignInAsync(new SignInRequest { Email = admins.Emails[k], Password = Password }, cancellationToken: token);
            admins.Replace(k, response.Session.AccessToken);
        });
    }

    private static ParallelOptions Options(int degree, CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = degree, CancellationToken = cancellationToken };
}

/// <summary>The benchmark accounts and which one administers which school.</summary>
internal sealed class AdminAccounts(string[] emails, string[] tokens)
{
    private readonly Metadata[] headers = [.. tokens.Select(Bearer)];

    public IReadOnlyList<string> Emails => emails;

    public int Count => emails.Length;

    public Metadata HeadersFor(GeneratedSchool school) => headers[school.Index % headers.Length];

    public void Replace(int index, string token) => headers[index] = Bearer(token);

    private static Metadata Bearer(string token) => new() { { "Authorization", "Bearer " + token } };
}
