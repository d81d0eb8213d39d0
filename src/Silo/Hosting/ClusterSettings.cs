namespace PixOrga.Silo.Hosting;

/// <summary>Settings of the <c>Cluster</c> section: how this silo joins the others.</summary>
public sealed class ClusterSettings
{
    public const string Section = "Cluster";

    public string ClusterId { get; set; } = "pixorga";

    public string ServiceId { get; set; } = "pixorga";

    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>How long a probe may go unanswered; with two missed probes a dead silo is noticed within seconds.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(1);

    public int NumMissedProbesLimit { get; set; } = 2;
}
