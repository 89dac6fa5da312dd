using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace JobBoard.Web.Alerts;

/// <summary>
/// "https://jobs.example.com": where links in mail sent outside a request (the alert digests) point. The setting
/// <c>Site:PublicUrl</c> when given (behind a proxy it must be: the app cannot see the public name), else the first
/// address the server listens on, else http://localhost.
/// </summary>
public sealed class SiteOrigin(IConfiguration configuration, IServer server)
{
    public string Value
    {
        get
        {
            if (configuration["Site:PublicUrl"] is { Length: > 0 } configured)
            {
                return configured.TrimEnd('/');
            }

            var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
            if (listening is null || !Uri.TryCreate(listening.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal), UriKind.Absolute, out var address))
            {
                return "http://localhost";
            }

            var host = address.Host is "0.0.0.0" or "[::]" or "::" ? "localhost" : address.Host;
            return $"{address.Scheme}://{host}{(address.IsDefaultPort ? string.Empty : $":{address.Port}")}";
        }
    }
}
