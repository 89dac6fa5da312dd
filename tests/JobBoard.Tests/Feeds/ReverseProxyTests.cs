using System.Net;
using JobBoard.Tests.Infrastructure;
using JobBoard.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Feeds;

/// <summary>Absolute addresses behind a proxy that ends TLS, and whose word for it the app takes.</summary>
[Collection(WebTestsDefinition.Name)]
public sealed class ReverseProxyTests(JobBoardApp app) : WebTest(app)
{
    [Fact]
    public async Task Behind_a_trusted_proxy_that_ends_tls_absolute_addresses_say_https()
    {
        var posting = Published(Company(), Content("Night nurse"));
        await app.InsertAsync(posting);

        (await GetAsync("/robots.txt", from: IPAddress.Loopback, forwardedProto: "https")).Should().Contain("Sitemap: https://localhost/sitemap.xml");
        (await GetAsync($"/jobs/{posting.Id}/{posting.Slug}", from: IPAddress.Loopback, forwardedProto: "https"))
            .Should().Contain($"<link rel=\"canonical\" href=\"https://localhost/jobs/{posting.Id}/{posting.Slug}\"");
        (await GetAsync("/api/v1/jobs", from: IPAddress.Loopback, forwardedProto: "https"))
            .Should().Contain($"\"url\":\"https://localhost/jobs/{posting.Id}/{posting.Slug}\"");
    }

    [Fact]
    public async Task A_client_that_is_not_a_known_proxy_cannot_change_the_addresses()
    {
        var body = await GetAsync("/robots.txt", from: IPAddress.Parse("203.0.113.9"), forwardedProto: "https");

        body.Should().Contain("Sitemap: http://localhost/sitemap.xml");
    }

    [Fact]
    public void Proxies_and_networks_come_from_configuration_and_a_wrong_one_stops_the_start_with_its_setting_named()
    {
        var options = Options(new() { ["Proxy:KnownProxies"] = "10.1.2.3, 10.1.2.4", ["Proxy:KnownNetworks"] = "172.16.0.0/12" });
        options.KnownProxies.Should().Contain([IPAddress.Parse("10.1.2.3"), IPAddress.Parse("10.1.2.4")]);
        options.KnownIPNetworks.Should().Contain(System.Net.IPNetwork.Parse("172.16.0.0/12"));
        options.ForwardedHeaders.Should().Be(ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        Options(new() { ["Proxy:KnownNetworks:0"] = "10.0.0.0/8", ["Proxy:KnownNetworks:1"] = "192.168.0.0/16" })
            .KnownIPNetworks.Should().Contain([System.Net.IPNetwork.Parse("10.0.0.0/8"), System.Net.IPNetwork.Parse("192.168.0.0/16")]);

        var wrong = () => Options(new() { ["Proxy:KnownNetworks"] = "10.0.0.0/8, ten" });
        wrong.Should().Throw<InvalidOperationException>().WithMessage("Proxy:KnownNetworks: \"ten\" is not a network such as 10.0.0.0/8.");
    }

    private static ForwardedHeadersOptions Options(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddReverseProxy(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
    }

    private async Task<string> GetAsync(string pathAndQuery, IPAddress from, string forwardedProto)
    {
        var path = pathAndQuery.Split('?', 2);
        var context = await app.Server.SendAsync(request =>
        {
            request.Request.Method = HttpMethods.Get;
            request.Request.Path = path[0];
            request.Request.QueryString = path.Length > 1 ? new QueryString("?" + path[1]) : QueryString.Empty;
            request.Request.Headers["X-Forwarded-Proto"] = forwardedProto;
            request.Request.Headers["X-Forwarded-For"] = "198.51.100.7";
            request.Connection.RemoteIpAddress = from;
        });
        context.Response.StatusCode.Should().Be(StatusCodes.Status200OK);
        return await new StreamReader(context.Response.Body).ReadToEndAsync();
    }
}
