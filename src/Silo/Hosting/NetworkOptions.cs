namespace PixOrga.Silo.Hosting;

/// <summary>Settings of the <c>Network</c> section: every port is a setting, so several silos fit on one machine.</summary>
public sealed class NetworkOptions
{
    public const string Section = "Network";

    /// <summary>Address Kestrel listens on; loopback unless deliberately exposed.</summary>
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>gRPC over HTTP/2 (cleartext h2c, or TLS when a certificate is set).</summary>
    public int GrpcPort { get; set; } = 5080;

    /// <summary>gRPC-Web over HTTP/1.1 for browsers, which never speak cleartext HTTP/2.</summary>
    public int GrpcWebPort { get; set; } = 5081;

    /// <summary>Optional PFX certificate: when set, the gRPC endpoint uses TLS (HTTP/1.1 and HTTP/2).</summary>
    public string? TlsCertificatePath { get; set; }

    public string? TlsCertificatePassword { get; set; }
}
