using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PixOrga.Grains.Accounts;
using PixOrga.Grains.Interfaces.Common;
using PixOrga.Grains.Mail;
using PixOrga.Grains.Missions.Catalogue;
using PixOrga.Grains.Missions.Progress;
using PixOrga.Grains.Missions.SchoolCodes;
using PixOrga.Grains.Roster;
using PixOrga.Grains.SchoolDirectory;
using PixOrga.Grains.Team;

namespace PixOrga.Grains;

/// <summary>What grains need from the host: repositories over the shared data source, the mailer, the clock.</summary>
public static class GrainsServiceCollectionExtensions
{
    public static IServiceCollection AddPixOrgaGrains(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(PixOrgaClock.System);
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.Section));
        services.AddOptions<TeamOptions>().Bind(configuration.GetSection(TeamOptions.Section));
        services.TryAddSingleton<IMailer>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<MailOptions>>();
            return string.IsNullOrWhiteSpace(options.Value.SmtpHost)
                ? ActivatorUtilities.CreateInstance<OutboxMailer>(provider)
                : ActivatorUtilities.CreateInstance<SmtpMailer>(provider);
        });
        services.TryAddSingleton(new PasswordHasher(Argon2Parameters.Current));
        services.AddSingleton<TeamMailer>();
        services.AddSingleton<SchoolDirectoryRepository>();
        services.AddSingleton<RosterRepository>();
        // Loaded here, while the host is built: a bad catalogue stops the start, it never reaches a school.
        services.AddSingleton(MissionCatalogue.LoadEmbedded());
        services.AddSingleton<SchoolCodeRepository>();
        services.AddSingleton<MissionProgressRepository>();
        return services;
    }
}
