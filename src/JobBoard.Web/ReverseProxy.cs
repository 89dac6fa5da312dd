using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace JobBoard.Web;

/// <summary>
/// Behind a reverse proxy or load balancer that ends TLS, the app sees plain HTTP coming from the proxy. The proxy says
/// what the client used in <c>X-Forwarded-Proto</c> and <c>X-Forwarded-For</c>, and absolute URLs (canonical links,
/// sitemaps, robots.txt, RSS, the API's <c>next</c>) are made from them. A client could send those headers too, so
/// they are believed only from the proxies named in <c>Proxy:KnownProxies</c> (addresses) and
/// <c>Proxy:KnownNetworks</c> (CIDR ranges), each a comma-separated list; loopback is always trusted.
/// </summary>
public static class ReverseProxy
{
    public static IServiceCollection AddReverseProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = List(configuration, "Proxy:KnownProxies")
            .Select(text => IPAddress.TryParse(text, out var address) ? address : throw Invalid("Proxy:KnownProxies", text, "an IP address"))
            .ToList();
        var networks = List(configuration, "Proxy:KnownNetworks")
            .Select(text => System.Net.IPNetwork.TryParse(text, out var network) ? network : throw Invalid("Proxy:KnownNetworks", text, "a network such as 10.0.0.0/8"))
            .ToList();
        return services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
        });
    }

    private static IEnumerable<string> List(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.Value is { } joined ? [joined] : section.GetChildren().Select(child => child.Value ?? string.Empty);
        return values.SelectMany(value => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static InvalidOperationException Invalid(string key, string text, string expected) =>
        new($"{key}: \"{text}\" is not {expected}.");
}
