// assembly: StackExchange.Redis
// API-surface stub of StackExchange.Redis 2.x (not restorable here). Public signatures only; names from shared api-facts §5.
#nullable enable
using System;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;

namespace StackExchange.Redis
{
    public sealed class EndPointCollection : System.Collections.ObjectModel.Collection<EndPoint>
    {
        public void Add(string hostAndPort) => throw null!;
    }

    public sealed class ConfigurationOptions
    {
        public static ConfigurationOptions Parse(string configuration) => throw null!;
        public static ConfigurationOptions Parse(string configuration, bool ignoreUnknown) => throw null!;
        public bool Ssl { get; set; }
        public string? SslHost { get; set; }
        public SslProtocols? SslProtocols { get; set; }
        public string? Password { get; set; }
        public string? User { get; set; }
        public bool CheckCertificateRevocation { get; set; }
        public bool AbortOnConnectFail { get; set; }
        public EndPointCollection EndPoints { get; init; } = null!;
        public event RemoteCertificateValidationCallback? CertificateValidation;
        public event LocalCertificateSelectionCallback? CertificateSelection;
        public Func<string, SslClientAuthenticationOptions>? SslClientAuthenticationOptions { get; set; }
        public void TrustIssuer(string issuerCertificatePath) => throw null!;
        public void TrustIssuer(X509Certificate2 issuer) => throw null!;
        internal void Touch() { CertificateValidation?.Invoke(null!, null, null, default); CertificateSelection?.Invoke(null!, null!, null!, null, null!); }
    }

    public sealed class ConnectionMultiplexer : IDisposable, IAsyncDisposable
    {
        public static ConnectionMultiplexer Connect(string configuration, TextWriter? log = null) => throw null!;
        public static ConnectionMultiplexer Connect(string configuration, Action<ConfigurationOptions> configure, TextWriter? log = null) => throw null!;
        public static ConnectionMultiplexer Connect(ConfigurationOptions configuration, TextWriter? log = null) => throw null!;
        public static Task<ConnectionMultiplexer> ConnectAsync(string configuration, TextWriter? log = null) => throw null!;
        public static Task<ConnectionMultiplexer> ConnectAsync(string configuration, Action<ConfigurationOptions> configure, TextWriter? log = null) => throw null!;
        public static Task<ConnectionMultiplexer> ConnectAsync(ConfigurationOptions configuration, TextWriter? log = null) => throw null!;
        public void Dispose() => throw null!;
        public ValueTask DisposeAsync() => throw null!;
    }
}
